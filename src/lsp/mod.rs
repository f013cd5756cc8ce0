//! `sunting lsp`: a language server over stdio, a thin front end over the same library and
//! rule loading as the CLI. Built on `tower-lsp-server` (the maintained community
//! continuation of `tower-lsp`).
//!
//! - [`convert`]: byte spans <-> LSP positions (UTF-16 by default, UTF-8 when negotiated),
//!   library diagnostics -> LSP diagnostics.
//! - [`documents`]: open documents, incremental sync, the lint + hold-back + convert pipeline.
//! - [`config`]: `.sunting.toml` discovery and client settings; load errors become data.
//! - [`actions`]: code actions and the `.sunting.toml` edits behind them.
//! - [`backend`]: the `LanguageServer` implementation (debounce, publishing, reloads).

pub mod actions;
pub mod backend;
pub mod config;
pub mod convert;
pub mod documents;

pub use backend::{Backend, Options};

use tower_lsp_server::{LspService, Server};

/// Exit code when the runtime cannot start.
const EXIT_ERROR: u8 = 2;

/// Serve the language protocol on stdin/stdout until the client says `exit`. Returns the
/// process exit code (0 after a clean `shutdown` + `exit`).
pub fn serve(opts: Options) -> u8 {
    // The first diagnostics wait for the dictionary: start on it before the client asks.
    crate::lexicon::preload_default_dictionary();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            tracing_free_eprint(&format!("sunting lsp: cannot start the runtime: {e}"));
            return EXIT_ERROR;
        }
    };
    runtime.block_on(async {
        let (service, socket) = LspService::new(|client| Backend::new(client, opts));
        Server::new(tokio::io::stdin(), tokio::io::stdout(), socket)
            .serve(service)
            .await;
    });
    // The stdin reader is a blocking thread that may never return: do not wait for it.
    runtime.shutdown_background();
    0
}

#[allow(clippy::print_stderr)]
fn tracing_free_eprint(msg: &str) {
    eprintln!("{msg}");
}
