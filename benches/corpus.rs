//! A deterministic generator of Indonesian news-style articles for benchmarks: the same seed
//! always gives the same text. Roughly one planted slip per hundred words, so the rules have
//! work to do, as in real copy.

const CITIES: &[&str] = &[
    "JAKARTA", "SURABAYA", "MAKASSAR", "MEDAN", "DENPASAR", "JAYAPURA", "BANDUNG", "SEMARANG",
];
const PEOPLE: &[&str] = &[
    "Sri Mulyani",
    "Budi Santoso",
    "Retno Marsudi",
    "Ahmad Fauzi",
    "Dewi Lestari",
    "Joko Widodo",
    "Prabowo Subianto",
    "Anies Baswedan",
    "Ganjar Pranowo",
    "Erick Thohir",
    "Kim Jong Un",
    "Vladimir Putin",
    "Xi Jinping",
];
const ORGS: &[&str] = &[
    "DPR",
    "KPK",
    "Bank Indonesia",
    "Kementerian Keuangan",
    "Badan Pusat Statistik",
    "PBB",
    "Pemerintah Provinsi",
];
const SENTENCES: &[&str] = &[
    "{P} mengatakan pemerintah akan memperkuat kerja sama dengan {O} untuk menjaga stabilitas harga pangan.",
    "Menurut data {O}, inflasi pada {M} tercatat {N},{D} persen, lebih rendah daripada bulan sebelumnya.",
    "\"Kami berterima kasih atas dukungan masyarakat selama ini,\" kata {P} kepada wartawan di {C}.",
    "Rapat kerja itu digelar pada Senin (22/1/2024) pukul 10.00 WIB dan berlangsung hingga sore hari.",
    "Anggaran sebesar Rp{N}.{N}00 miliar disiapkan untuk membangun sekolah, rumah sakit, dan jalan desa.",
    "{O} meminta semua pihak menahan diri sampai hasil pemeriksaan diumumkan secara resmi.",
    "Warga di sekitar lokasi mengaku sudah berkali-kali melaporkan kerusakan jalan itu kepada pemerintah daerah.",
    "Dalam pertemuan tersebut, {P} juga membahas rencana pembangunan pelabuhan baru di wilayah timur.",
    "Harga beras di pasar tradisional naik menjadi Rp{N}.000 per kilogram dalam dua minggu terakhir.",
    "Polisi masih menyelidiki penyebab kebakaran yang menghanguskan puluhan rumah di kawasan padat penduduk itu.",
    "Para petani berharap bantuan pupuk dapat segera disalurkan sebelum musim tanam berikutnya dimulai.",
    "Sidang lanjutan perkara korupsi tersebut dijadwalkan pada Kamis (18/1/2024) di Pengadilan Tipikor {C}.",
];
/// Slips planted now and then (a typo, a non-standard word, a spacing slip, a repetition).
const SLIPS: &[&str] = &[
    "Ia menyampaikan hal itu keapda wartawan.",
    "Praktek semacam itu dinilai merugikan negara.",
    "Kedua lembaga sepakat bekerjasama dalam menangai kasus itu.",
    "Warga yang yang terdampak banjir mengungsi , kata petugas.",
    "Jubir kementerian belum memberikan tanggapan pada hari minggu.",
];
const MONTHS: &[&str] = &["Januari", "Februari", "Maret", "April", "Mei", "Juni"];

/// A tiny deterministic generator (64-bit LCG), so the corpus needs no dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(
            seed.wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407),
        )
    }
    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// One article of about `words` words.
pub fn article(rng: &mut Rng, words: usize) -> String {
    let city = CITIES[rng.below(CITIES.len())];
    let mut out = format!("{city}, Sunting.id – ");
    let mut count = 3;
    let mut para = 0;
    while count < words {
        let s = if rng.below(12) == 0 {
            SLIPS[rng.below(SLIPS.len())].to_owned()
        } else {
            fill(SENTENCES[rng.below(SENTENCES.len())], rng)
        };
        count += s.split_whitespace().count();
        out.push_str(&s);
        para += 1;
        if para % 3 == 0 {
            out.push('\n');
        } else {
            out.push(' ');
        }
    }
    out.push('\n');
    out
}

fn fill(template: &str, rng: &mut Rng) -> String {
    let mut s = template.to_owned();
    while let Some(i) = s.find('{') {
        let j = i + s[i..].find('}').unwrap_or(1);
        let rep = match &s[i + 1..j] {
            "P" => PEOPLE[rng.below(PEOPLE.len())].to_owned(),
            "O" => ORGS[rng.below(ORGS.len())].to_owned(),
            "C" => CITIES[rng.below(CITIES.len())].to_owned(),
            "M" => MONTHS[rng.below(MONTHS.len())].to_owned(),
            "N" => (1 + rng.below(98)).to_string(),
            _ => rng.below(10).to_string(),
        };
        s.replace_range(i..=j, &rep);
    }
    s
}

/// `n` articles of 300 to 900 words.
pub fn corpus(seed: u64, n: usize) -> Vec<String> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|_| {
            let words = 300 + rng.below(600);
            article(&mut rng, words)
        })
        .collect()
}

/// Write about `megabytes` MB of articles into `dir` (1,000 per subfolder), the same ones
/// for the same size; returns the number of files and bytes written.
pub fn write_folder(dir: &std::path::Path, megabytes: usize) -> std::io::Result<(usize, usize)> {
    std::fs::create_dir_all(dir)?;
    let mut rng = Rng::new(11);
    let (mut written, mut n) = (0usize, 0usize);
    while written < megabytes * 1_000_000 {
        let words = 300 + rng.below(600);
        let a = article(&mut rng, words);
        let sub = dir.join(format!("{:03}", n / 1000));
        std::fs::create_dir_all(&sub)?;
        std::fs::write(sub.join(format!("berita-{n:06}.txt")), &a)?;
        written += a.len();
        n += 1;
    }
    Ok((n, written))
}
