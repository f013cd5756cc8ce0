//! Reading inputs: files, folders (walked with the `ignore` crate) and stdin, with clear
//! errors for binary files and invalid UTF-8.

use std::io::Read;
use std::path::{Path, PathBuf};

/// Where a text came from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    /// A file on disk.
    File(PathBuf),
    /// Standard input, with the name given by `--stdin-filename` if any.
    Stdin(Option<PathBuf>),
}

impl Origin {
    /// The name shown in output.
    pub fn display_name(&self) -> String {
        match self {
            Origin::File(p) => p.display().to_string(),
            Origin::Stdin(Some(p)) => p.display().to_string(),
            Origin::Stdin(None) => "<stdin>".to_owned(),
        }
    }

    /// The path used for config discovery and format detection.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Origin::File(p) => Some(p),
            Origin::Stdin(p) => p.as_deref(),
        }
    }
}

/// Why a text could not be read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The OS said no.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: String,
        /// The error.
        source: std::io::Error,
    },
    /// Not UTF-8.
    #[error("{path}: invalid UTF-8 at byte {offset} (line {line}); save the file as UTF-8")]
    Utf8 {
        /// The file.
        path: String,
        /// The first bad byte.
        offset: usize,
        /// Its 1-based line.
        line: usize,
    },
    /// A NUL byte: not text.
    #[error("{path}: binary file (NUL byte at {offset}), not checked")]
    Binary {
        /// The file.
        path: String,
        /// Where the NUL byte is.
        offset: usize,
    },
}

/// Read a file or stdin as UTF-8 text.
///
/// # Errors
/// I/O failures, binary content, invalid UTF-8.
pub fn read(origin: &Origin) -> Result<String, InputError> {
    let name = origin.display_name();
    let mut bytes = Vec::new();
    let res = match origin {
        Origin::File(p) => std::fs::read(p).map(|b| bytes = b),
        Origin::Stdin(_) => std::io::stdin().lock().read_to_end(&mut bytes).map(|_| ()),
    };
    res.map_err(|source| InputError::Io {
        path: name.clone(),
        source,
    })?;
    decode(&name, bytes)
}

/// Check and convert bytes to text.
///
/// # Errors
/// Binary content (a NUL byte) or invalid UTF-8, with the byte offset.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String, InputError> {
    if let Some(offset) = memchr_nul(&bytes) {
        return Err(InputError::Binary {
            path: name.to_owned(),
            offset,
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        InputError::Utf8 {
            path: name.to_owned(),
            offset,
            line,
        }
    })
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

/// Default extensions checked in a folder walk.
pub const DEFAULT_EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

/// Expand the command-line paths into inputs. Folders are walked (respecting .gitignore and
/// hidden files) for the default extensions; explicit files are taken as given.
/// Returns inputs in a deterministic order and any walk errors.
pub fn collect(
    paths: &[PathBuf],
    stdin_name: Option<&Path>,
    exclude: &[String],
) -> (Vec<Origin>, Vec<String>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Origin::Stdin(stdin_name.map(Path::to_owned)));
            continue;
        }
        if p.is_dir() {
            let mut found = Vec::new();
            let mut ob = ignore::overrides::OverrideBuilder::new(p);
            for g in exclude {
                if let Err(e) = ob.add(&format!("!{g}")) {
                    errors.push(format!("bad exclude glob `{g}`: {e}"));
                }
            }
            let overrides = ob
                .build()
                .unwrap_or_else(|_| ignore::overrides::Override::empty());
            for entry in ignore::WalkBuilder::new(p).overrides(overrides).build() {
                match entry {
                    Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                        let ext = e
                            .path()
                            .extension()
                            .and_then(|x| x.to_str())
                            .map(str::to_ascii_lowercase);
                        if ext.is_some_and(|x| DEFAULT_EXTENSIONS.contains(&x.as_str())) {
                            found.push(e.into_path());
                        }
                    }
                    Ok(_) => {}
                    Err(e) => errors.push(e.to_string()),
                }
            }
            found.sort();
            out.extend(found.into_iter().map(Origin::File));
        } else if p.exists() {
            out.push(Origin::File(p.clone()));
        } else {
            errors.push(format!("{}: no such file or folder", p.display()));
        }
    }
    (out, errors)
}
