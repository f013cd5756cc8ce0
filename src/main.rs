//! The `sunting` binary: a thin wrapper over the library's CLI front end.

fn main() -> std::process::ExitCode {
    sunting::cli::main()
}
