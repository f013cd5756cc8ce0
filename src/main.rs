//! The `sunting` binary: a thin wrapper over the library's CLI front end.

/// mimalloc: checking allocates many small, short-lived vectors and strings per article,
/// where it is about a tenth faster than the system allocator (see the README's speed
/// section).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    sunting::cli::main()
}
