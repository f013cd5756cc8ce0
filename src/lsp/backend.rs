//! The `LanguageServer` implementation: document sync, debounced checks, publishing,
//! hover, code actions, commands and configuration reloads.
//!
//! Ordering: every notification handler changes the shared state synchronously before its
//! first `.await`, so edits are applied in the order the transport hands them over. Checks
//! run on blocking threads; each carries a per-document generation number and its result is
//! dropped when a newer edit arrived meanwhile, and publishing is serialised so an older
//! result can never overwrite a newer one.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tower_lsp_server::jsonrpc::{Error as RpcError, Result as RpcResult};
use tower_lsp_server::ls_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability,
    CodeActionResponse, ConfigurationItem, Diagnostic as LspDiagnostic, DiagnosticSeverity,
    DidChangeConfigurationParams, DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
    DidChangeWatchedFilesRegistrationOptions, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, ExecuteCommandOptions,
    ExecuteCommandParams, FileSystemWatcher, GlobPattern, Hover, HoverContents, HoverParams,
    HoverProviderCapability, InitializeParams, InitializeResult, InitializedParams, LSPAny,
    MarkupContent, MarkupKind, MessageType, Registration, SaveOptions, ServerCapabilities,
    ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri,
};
use tower_lsp_server::{Client, LanguageServer};

use super::actions::{self, AcceptArgs, CMD_ACCEPT, CMD_DISMISS, DismissArgs, FIX_ALL_KIND};
use super::config::{self as lspconfig, Linters, Loaded, Problem, Settings};
use super::convert::{self, Encoding};
use super::documents::{self, Finding, Shown, TextDoc};
use crate::config::CONFIG_FILE_NAME;
use crate::document::Format;
use crate::engine::Linter;
use crate::source::LineIndex;

/// Server options from the command line.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Wait this long after an edit before checking (a newer edit restarts the wait).
    pub debounce: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            debounce: Duration::from_millis(150),
        }
    }
}

/// The result of one check of one version of a document.
#[derive(Clone)]
struct Analysis {
    version: i32,
    findings: Arc<Vec<Finding>>,
    linter: Arc<Linter>,
}

struct DocState {
    doc: TextDoc,
    generation: u64,
    analysis: Option<Analysis>,
    shown: Vec<Shown>,
    published: Vec<LspDiagnostic>,
    /// The document version `published` is for.
    published_version: Option<i32>,
}

#[derive(Default)]
struct State {
    enc: Encoding,
    root: Option<PathBuf>,
    settings: Settings,
    debounce: Duration,
    docs: HashMap<Uri, DocState>,
    /// Config/pack problems last published (per file).
    problems: Vec<Problem>,
    dynamic_watch: bool,
    pull_configuration: bool,
}

struct Inner {
    client: Client,
    state: Mutex<State>,
    linters: Mutex<Linters>,
    publish: tokio::sync::Mutex<()>,
}

/// The language server.
pub struct Backend {
    inner: Arc<Inner>,
}

impl Backend {
    /// A server talking to `client`.
    pub fn new(client: Client, opts: Options) -> Self {
        let state = State {
            debounce: opts.debounce,
            ..State::default()
        };
        Self {
            inner: Arc::new(Inner {
                client,
                state: Mutex::new(state),
                linters: Mutex::new(Linters::default()),
                publish: tokio::sync::Mutex::new(()),
            }),
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding the lock must not take the whole server down with it.
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The file of a `file:` URI (None for `untitled:` buffers and other schemes).
fn path_of(uri: &Uri) -> Option<PathBuf> {
    if !uri.scheme().as_str().eq_ignore_ascii_case("file") {
        return None;
    }
    uri.to_file_path()
        .map(|p| p.into_owned())
        .filter(|p| p.is_absolute())
}

/// Markdown or plain text: by the file's extension like the CLI, else by the language id
/// (`markdown`, Emacs's `gfm`).
fn format_of(language_id: &str, path: Option<&Path>) -> Format {
    let ext = path
        .and_then(Path::extension)
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some("md" | "markdown" | "mdx") => Format::Markdown,
        Some("txt" | "text") => Format::Text,
        _ if ["markdown", "gfm"]
            .iter()
            .any(|l| language_id.eq_ignore_ascii_case(l)) =>
        {
            Format::Markdown
        }
        _ => Format::Text,
    }
}

fn is_toml(path: Option<&Path>) -> bool {
    path.and_then(Path::extension)
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
}

impl Inner {
    /// The rule set for a document (blocking: may read and build packs and dictionaries).
    fn loaded_for(&self, doc_path: Option<&Path>) -> Loaded {
        let config_path = Linters::config_path_for(doc_path);
        if let Some(l) = lock(&self.linters).cached(&config_path) {
            return l;
        }
        let settings = lock(&self.state).settings.clone();
        let loaded = lspconfig::load(config_path.as_deref(), &settings);
        lock(&self.linters).insert(config_path, loaded.clone());
        loaded
    }

    /// Start a check of `uri` after `delay`; any check started earlier for it is cancelled.
    fn schedule(self: &Arc<Self>, uri: Uri, delay: Duration) {
        let generation = {
            let mut st = lock(&self.state);
            let Some(d) = st.docs.get_mut(&uri) else {
                return;
            };
            d.generation += 1;
            d.generation
        };
        let inner = self.clone();
        tokio::spawn(async move { inner.check(uri, generation, delay).await });
    }

    fn schedule_all(self: &Arc<Self>) {
        let uris: Vec<Uri> = lock(&self.state).docs.keys().cloned().collect();
        for u in uris {
            self.schedule(u, Duration::ZERO);
        }
    }

    async fn check(self: Arc<Self>, uri: Uri, generation: u64, delay: Duration) {
        if !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
        let Some(analysis) = self.analyze(&uri, Some(generation)).await else {
            return;
        };
        self.sync_problems().await;
        self.publish(&uri, Some(generation), Some(analysis)).await;
    }

    /// Lint the current text of `uri` on a blocking thread. With `generation`, gives up
    /// when a newer edit arrives before the check starts.
    async fn analyze(self: &Arc<Self>, uri: &Uri, generation: Option<u64>) -> Option<Analysis> {
        let (text, format, path, version, min_level) = {
            let st = lock(&self.state);
            let d = st.docs.get(uri)?;
            if generation.is_some_and(|g| g != d.generation) {
                return None;
            }
            (
                d.doc.text.clone(),
                d.doc.format,
                d.doc.path.clone(),
                d.doc.version,
                st.settings.min_level,
            )
        };
        let inner = self.clone();
        tokio::task::spawn_blocking(move || {
            let loaded = inner.loaded_for(path.as_deref());
            let findings = documents::analyze(&loaded.linter, &text, format, min_level);
            Analysis {
                version,
                findings: Arc::new(findings),
                linter: loaded.linter,
            }
        })
        .await
        .ok()
    }

    /// Store `analysis` (when it is for the current version) and publish the document's
    /// diagnostics. Without an analysis, re-publish the stored one (after the hold-back
    /// was released).
    async fn publish(&self, uri: &Uri, generation: Option<u64>, analysis: Option<Analysis>) {
        let _serial = self.publish.lock().await;
        let (diags, version) = {
            let mut st = lock(&self.state);
            let enc = st.enc;
            let Some(d) = st.docs.get_mut(uri) else {
                return;
            };
            if generation.is_some_and(|g| g != d.generation) {
                return;
            }
            if let Some(a) = analysis {
                if a.version != d.doc.version {
                    return;
                }
                d.analysis = Some(a);
            }
            let Some(a) = &d.analysis else {
                return;
            };
            if a.version != d.doc.version {
                return;
            }
            let linter = a.linter.clone();
            let (diags, shown) = documents::to_publish(&d.doc, &a.findings, &d.shown, enc, |id| {
                linter.rule(id).and_then(|r| r.meta.url.as_deref())
            });
            d.shown = shown;
            d.published = diags.clone();
            d.published_version = Some(d.doc.version);
            (diags, d.doc.version)
        };
        self.client
            .publish_diagnostics(uri.clone(), diags, Some(version))
            .await;
    }

    /// The findings of the current version of `uri` (checking now if needed) with a
    /// snapshot of the document and the published diagnostics.
    async fn current(
        self: &Arc<Self>,
        uri: &Uri,
    ) -> Option<(TextDoc, Analysis, Option<Vec<LspDiagnostic>>, Encoding)> {
        let fresh = {
            let st = lock(&self.state);
            let d = st.docs.get(uri)?;
            d.analysis
                .as_ref()
                .is_some_and(|a| a.version == d.doc.version)
        };
        if !fresh {
            let a = self.analyze(uri, None).await?;
            let mut st = lock(&self.state);
            let d = st.docs.get_mut(uri)?;
            if a.version == d.doc.version {
                d.analysis = Some(a);
            }
        }
        let st = lock(&self.state);
        let d = st.docs.get(uri)?;
        let a = d.analysis.clone()?;
        let published = (d.published_version == Some(d.doc.version)).then(|| d.published.clone());
        (a.version == d.doc.version).then(|| (d.doc.clone(), a, published, st.enc))
    }

    /// The writer asked about a place other than the word being typed: they moved on, so a
    /// held-back finding may be shown.
    async fn moved_to(self: &Arc<Self>, uri: &Uri, offset: usize) {
        let release = {
            let mut st = lock(&self.state);
            let Some(d) = st.docs.get_mut(uri) else {
                return;
            };
            let Some(cursor) = d.doc.cursor else {
                return;
            };
            let here = documents::word_at(&d.doc.text, offset);
            let typing = documents::word_at(&d.doc.text, cursor);
            if here.is_some() && here == typing || offset == cursor {
                false
            } else {
                d.doc.cursor = None;
                true
            }
        };
        if release {
            self.publish(uri, None, None).await;
        }
    }

    /// Publish config and pack load problems as diagnostics on those files; clear the ones
    /// that are gone.
    async fn sync_problems(&self) {
        let now = lock(&self.linters).problems();
        let (old, enc) = {
            let mut st = lock(&self.state);
            if st.problems == now {
                return;
            }
            (std::mem::replace(&mut st.problems, now.clone()), st.enc)
        };
        let mut by_file: HashMap<PathBuf, Vec<LspDiagnostic>> = HashMap::new();
        for p in &old {
            by_file.entry(p.path.clone()).or_default();
        }
        for p in &now {
            let range = match (&p.text, &p.span) {
                (Some(t), Some(s)) => {
                    let idx = LineIndex::new(t);
                    let s = s.start.min(t.len())..s.end.min(t.len()).max(s.start.min(t.len()));
                    convert::range(t, &idx, crate::span::Span::new(s.start, s.end), enc)
                }
                _ => tower_lsp_server::ls_types::Range::default(),
            };
            by_file
                .entry(p.path.clone())
                .or_default()
                .push(LspDiagnostic {
                    range,
                    severity: Some(DiagnosticSeverity::ERROR),
                    code: Some(tower_lsp_server::ls_types::NumberOrString::String(
                        "config".to_owned(),
                    )),
                    source: Some("sunting".to_owned()),
                    message: format!(
                        "{}\n(sunting memakai aturan bawaan sampai berkas ini diperbaiki)",
                        p.message
                    ),
                    ..LspDiagnostic::default()
                });
        }
        for (path, diags) in by_file {
            let path = std::path::absolute(&path).unwrap_or(path);
            if let Some(uri) = Uri::from_file_path(&path) {
                self.client.publish_diagnostics(uri, diags, None).await;
            }
        }
    }

    /// A config file or the settings changed: drop every loaded rule set and check again.
    async fn reload(self: &Arc<Self>) {
        lock(&self.linters).clear();
        let has_docs = !lock(&self.state).docs.is_empty();
        if has_docs {
            self.schedule_all();
        } else {
            // Still surface (or clear) problems of configs we showed before.
            let problems: Vec<PathBuf> = lock(&self.state)
                .problems
                .iter()
                .map(|p| p.path.clone())
                .collect();
            let inner = self.clone();
            let _ = tokio::task::spawn_blocking(move || {
                for p in problems {
                    if p.file_name().is_some_and(|n| n == CONFIG_FILE_NAME) {
                        inner.loaded_for(p.parent());
                    }
                }
            })
            .await;
            self.sync_problems().await;
        }
    }

    fn config_target(&self, uri: &Uri) -> Result<PathBuf, String> {
        let path = path_of(uri);
        if let Some(p) = Linters::config_path_for(path.as_deref()) {
            return Ok(p);
        }
        let st = lock(&self.state);
        if let Some(root) = &st.root {
            return Ok(root.join(CONFIG_FILE_NAME));
        }
        path.as_deref()
            .and_then(Path::parent)
            .map(|d| d.join(CONFIG_FILE_NAME))
            .ok_or_else(|| {
                "dokumen belum disimpan dan tidak ada folder kerja: simpan dulu berkasnya"
                    .to_owned()
            })
    }

    async fn apply_settings(self: &Arc<Self>, value: &serde_json::Value) {
        let (changed, problems) = {
            let mut st = lock(&self.state);
            let mut settings = st.settings.clone();
            let problems = settings.update_from_json(value, st.root.as_deref());
            let changed = st.settings != settings;
            st.settings = settings;
            (changed, problems)
        };
        for p in problems {
            self.client.show_message(MessageType::WARNING, p).await;
        }
        if changed {
            self.reload().await;
        }
    }
}

fn hover_text(f: &Finding, linter: &Linter, text: &str) -> String {
    let d = &f.diagnostic;
    let mut s = format!("**{}** `{}`\n\n", d.message, d.rule);
    if !d.fixes.is_empty() {
        let lo = d.extent().start;
        let hi = d.extent().end;
        let preview = d.apply_to(text);
        let new_hi = (hi + preview.len()).saturating_sub(text.len());
        let before = text.get(lo..hi).unwrap_or("");
        let after = preview.get(lo..new_hi).unwrap_or("");
        let safe = if d.fix_safe {
            ""
        } else {
            " (periksa dulu sebelum menerapkan)"
        };
        s.push_str(&format!("Saran: `{before}` → `{after}`{safe}\n\n"));
    }
    if let Some(h) = &d.help {
        s.push_str(h);
        s.push_str("\n\n");
    }
    if let Some(rule) = linter.rule(&d.rule) {
        let m = &rule.meta;
        if !m.explain.trim().is_empty() {
            s.push_str(m.explain.trim());
            s.push_str("\n\n");
        }
        if !m.gloss.is_empty() {
            s.push_str(&format!("*In English:* {}\n\n", m.gloss));
        }
        if let Some(u) = &m.url {
            s.push_str(&format!("[Rujukan]({u})\n"));
        }
    }
    s.trim_end().to_owned()
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> RpcResult<InitializeResult> {
        let enc = Encoding::negotiate(
            params
                .capabilities
                .general
                .as_ref()
                .and_then(|g| g.position_encodings.as_deref()),
        );
        #[allow(deprecated)]
        let root = params
            .workspace_folders
            .as_ref()
            .and_then(|f| f.first())
            .and_then(|f| path_of(&f.uri))
            .or_else(|| params.root_uri.as_ref().and_then(path_of))
            .or_else(|| params.root_path.as_ref().map(PathBuf::from));
        let workspace = params.capabilities.workspace.as_ref();
        {
            let mut st = lock(&self.inner.state);
            st.enc = enc;
            st.root = root.clone();
            st.dynamic_watch = workspace
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|w| w.dynamic_registration)
                .unwrap_or(false);
            st.pull_configuration = workspace.and_then(|w| w.configuration).unwrap_or(false);
            if let Some(opts) = &params.initialization_options {
                let (settings, _) = Settings::from_json(opts, root.as_deref());
                st.settings = settings;
                if let Some(ms) = opts
                    .get("sunting")
                    .unwrap_or(opts)
                    .get("debounceMs")
                    .and_then(serde_json::Value::as_u64)
                {
                    st.debounce = Duration::from_millis(ms);
                }
            }
        }
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(enc.kind()),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                            include_text: Some(false),
                        })),
                        ..TextDocumentSyncOptions::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![
                            CodeActionKind::QUICKFIX,
                            CodeActionKind::new(FIX_ALL_KIND),
                        ]),
                        ..CodeActionOptions::default()
                    },
                )),
                execute_command_provider: Some(ExecuteCommandOptions {
                    commands: vec![CMD_ACCEPT.to_owned(), CMD_DISMISS.to_owned()],
                    ..ExecuteCommandOptions::default()
                }),
                ..ServerCapabilities::default()
            },
            server_info: Some(ServerInfo {
                name: "sunting".to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let dynamic = lock(&self.inner.state).dynamic_watch;
        if dynamic {
            let opts = DidChangeWatchedFilesRegistrationOptions {
                watchers: vec![FileSystemWatcher {
                    glob_pattern: GlobPattern::String(format!("**/{CONFIG_FILE_NAME}")),
                    kind: None,
                }],
            };
            let reg = Registration {
                id: "sunting-config-watcher".to_owned(),
                method: "workspace/didChangeWatchedFiles".to_owned(),
                register_options: serde_json::to_value(opts).ok(),
            };
            if let Err(e) = self.inner.client.register_capability(vec![reg]).await {
                self.inner
                    .client
                    .log_message(
                        MessageType::WARNING,
                        format!("sunting: cannot watch {CONFIG_FILE_NAME}: {e}"),
                    )
                    .await;
            }
        }
    }

    async fn shutdown(&self) -> RpcResult<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let td = params.text_document;
        let path = path_of(&td.uri);
        if is_toml(path.as_deref()) || td.language_id.eq_ignore_ascii_case("toml") {
            return;
        }
        let format = format_of(&td.language_id, path.as_deref());
        {
            let mut st = lock(&self.inner.state);
            st.docs.insert(
                td.uri.clone(),
                DocState {
                    doc: TextDoc::new(td.text, td.version, format, path),
                    generation: 0,
                    analysis: None,
                    shown: Vec::new(),
                    published: Vec::new(),
                    published_version: None,
                },
            );
        }
        self.inner.schedule(td.uri, Duration::ZERO);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let delay = {
            let mut st = lock(&self.inner.state);
            let enc = st.enc;
            let delay = st.debounce;
            let Some(d) = st.docs.get_mut(&uri) else {
                return;
            };
            if params.text_document.version < d.doc.version {
                // An older edit than the one already applied: never apply out of order.
                return;
            }
            let edits =
                d.doc
                    .apply_changes(params.text_document.version, params.content_changes, enc);
            for e in edits {
                documents::shift_shown(&mut d.shown, e);
            }
            delay
        };
        self.inner.schedule(uri, delay);
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        let uri = params.text_document.uri;
        if is_toml(path_of(&uri).as_deref()) {
            self.inner.reload().await;
            return;
        }
        if let Some(d) = lock(&self.inner.state).docs.get_mut(&uri) {
            d.doc.cursor = None;
        }
        self.inner.schedule(uri, Duration::ZERO);
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let removed = lock(&self.inner.state).docs.remove(&uri).is_some();
        if removed {
            let _serial = self.inner.publish.lock().await;
            self.inner
                .client
                .publish_diagnostics(uri, Vec::new(), None)
                .await;
        }
    }

    async fn did_change_watched_files(&self, _: DidChangeWatchedFilesParams) {
        self.inner.reload().await;
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let mut value = params.settings;
        let has_ours = value.get("sunting").is_some_and(|v| !v.is_null())
            || value.get("minLevel").is_some()
            || value.get("extraPacks").is_some();
        let pull = lock(&self.inner.state).pull_configuration;
        if !has_ours && pull {
            let item = ConfigurationItem {
                scope_uri: None,
                section: Some("sunting".to_owned()),
            };
            if let Ok(mut v) = self.inner.client.configuration(vec![item]).await {
                if let Some(first) = v.pop() {
                    value = first;
                }
            }
        }
        self.inner.apply_settings(&value).await;
    }

    async fn hover(&self, params: HoverParams) -> RpcResult<Option<Hover>> {
        let uri = params.text_document_position_params.text_document.uri;
        let pos = params.text_document_position_params.position;
        let Some((doc, _, _, enc)) = self.inner.current(&uri).await else {
            return Ok(None);
        };
        let at = convert::offset(&doc.text, doc.index(), pos, enc);
        self.inner.moved_to(&uri, at).await;
        // Again: moving may have released a held finding.
        let Some((doc, analysis, published, enc)) = self.inner.current(&uri).await else {
            return Ok(None);
        };
        let hits: Vec<&Finding> = analysis
            .findings
            .iter()
            .filter(|f| {
                let s = f.diagnostic.span;
                s.start <= at
                    && at <= s.end
                    && published.as_deref().is_none_or(|p| {
                        actions::find_published(p, &doc, &f.diagnostic, enc).is_some()
                    })
            })
            .collect();
        let Some(first) = hits.first() else {
            return Ok(None);
        };
        let value = hits
            .iter()
            .map(|f| hover_text(f, &analysis.linter, &doc.text))
            .collect::<Vec<_>>()
            .join("\n\n---\n\n");
        Ok(Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value,
            }),
            range: Some(convert::range(
                &doc.text,
                doc.index(),
                first.diagnostic.span,
                enc,
            )),
        }))
    }

    async fn code_action(&self, params: CodeActionParams) -> RpcResult<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let Some((doc, _, _, enc)) = self.inner.current(&uri).await else {
            return Ok(None);
        };
        let request = convert::span(&doc.text, doc.index(), params.range, enc);
        self.inner.moved_to(&uri, request.start).await;
        let Some((doc, analysis, published, enc)) = self.inner.current(&uri).await else {
            return Ok(None);
        };
        let actions = actions::code_actions(
            &uri,
            &doc,
            &analysis.findings,
            published.as_deref(),
            request,
            params.context.only.as_deref(),
            enc,
        );
        Ok(Some(actions))
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> RpcResult<Option<LSPAny>> {
        let arg = params.arguments.into_iter().next().unwrap_or_default();
        let result = match params.command.as_str() {
            CMD_ACCEPT => {
                let a: AcceptArgs = serde_json::from_value(arg)
                    .map_err(|e| RpcError::invalid_params(e.to_string()))?;
                self.inner.config_target(&a.uri).and_then(|path| {
                    actions::edit_config_file(&path, |d| {
                        actions::add_accepted(d, a.vocabulary, &a.word)
                    })
                })
            }
            CMD_DISMISS => {
                let a: DismissArgs = serde_json::from_value(arg)
                    .map_err(|e| RpcError::invalid_params(e.to_string()))?;
                self.inner.config_target(&a.uri).and_then(|path| {
                    actions::edit_config_file(&path, |d| {
                        actions::add_dismissed(d, &a.rule, &a.text, &a.sentence)
                    })
                })
            }
            other => {
                return Err(RpcError::invalid_params(format!(
                    "unknown command `{other}`"
                )));
            }
        };
        match result {
            Ok(_) => {
                self.inner.reload().await;
                Ok(None)
            }
            Err(e) => {
                self.inner
                    .client
                    .show_message(MessageType::ERROR, format!("sunting: {e}"))
                    .await;
                Err(RpcError::invalid_params(e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_file_uris_have_paths() {
        let file: Uri = "file:///redaksi/berita%20satu.md".parse().unwrap();
        assert_eq!(
            path_of(&file),
            Some(PathBuf::from("/redaksi/berita satu.md"))
        );
        let untitled: Uri = "untitled:Untitled-1".parse().unwrap();
        assert_eq!(path_of(&untitled), None);
    }

    #[test]
    fn format_by_extension_then_language_id() {
        let md = Path::new("/a/b.md");
        let txt = Path::new("/a/b.txt");
        assert_eq!(format_of("plaintext", Some(md)), Format::Markdown);
        assert_eq!(format_of("markdown", Some(txt)), Format::Text);
        assert_eq!(format_of("gfm", None), Format::Markdown);
        assert_eq!(
            format_of("markdown", Some(Path::new("/a/b"))),
            Format::Markdown
        );
        assert_eq!(format_of("plaintext", None), Format::Text);
    }
}
