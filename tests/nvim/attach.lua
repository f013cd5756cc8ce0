-- Headless Neovim end-to-end helper for `sunting lsp`.
--
--   SUNTING_BIN=target/debug/sunting SUNTING_OUT=/tmp/diags.json \
--     nvim --headless --clean -u tests/nvim/attach.lua path/to/artikel.txt
--
-- Starts the sunting language server on the opened buffer, waits (up to 10 s, or
-- SUNTING_TIMEOUT_MS) for its diagnostics and writes them to SUNTING_OUT (stdout if unset)
-- as a JSON list, sorted by position:
--
--   [{"lnum":0,"col":4,"end_lnum":0,"end_col":9,"code":"baku","message":"...",
--     "severity":2,"source":"sunting",
--     "lsp_range":{"start":{"line":0,"character":4},"end":{"line":0,"character":9}}}, ...]
--
-- lnum/col/end_* are Neovim's: 0-based lines, 0-based *byte* columns (Neovim converts the
-- server's UTF-16 columns). lsp_range is the range exactly as the server sent it, when it can
-- be matched up (it always can with one server). severity: 1 error, 2 warning, 3 info, 4 hint.
-- A clean file gives []. Exit code 0.
--
-- If no diagnostics arrive in time, or the server cannot start or exits first, it writes
-- {"error":"timeout","detail":"..."} and exits with code 1.
--
-- Works on Neovim 0.7 (Debian 12) and later: it uses vim.lsp.start where it exists (0.8+)
-- and vim.lsp.start_client + vim.lsp.buf_attach_client before that.

local bin = os.getenv('SUNTING_BIN')
local out = os.getenv('SUNTING_OUT')
local timeout_ms = tonumber(os.getenv('SUNTING_TIMEOUT_MS') or '') or 10000

local function write_out(text)
  if out and out ~= '' then
    local f = assert(io.open(out, 'w'))
    f:write(text, '\n')
    f:close()
  else
    io.stdout:write(text, '\n')
  end
end

local function fail(detail)
  write_out(vim.json.encode({ error = 'timeout', detail = detail }))
  vim.cmd('cquit 1')
end

-- The directory holding .sunting.toml or .git above the file, else the file's own directory.
local function find_root(file)
  local dir = vim.fn.fnamemodify(file, ':p:h')
  local here = dir
  while true do
    for _, marker in ipairs({ '.sunting.toml', '.git' }) do
      if vim.loop.fs_stat(here .. '/' .. marker) then
        return here
      end
    end
    local parent = vim.fn.fnamemodify(here, ':h')
    if parent == here then
      return dir
    end
    here = parent
  end
end

local function main()
  if not bin or bin == '' then
    return fail('SUNTING_BIN is not set')
  end
  local bufnr = vim.api.nvim_get_current_buf()
  local file = vim.api.nvim_buf_get_name(bufnr)
  if file == '' then
    return fail('no file given: nvim --headless --clean -u tests/nvim/attach.lua FILE')
  end
  -- --clean may leave filetype detection off; the language id sent to the server comes
  -- from the filetype, so set it from the extension.
  if vim.bo[bufnr].filetype == '' then
    vim.bo[bufnr].filetype = file:match('%.md$') and 'markdown' or 'text'
  end
  local uri = vim.uri_from_bufnr(bufnr)

  local published = false -- a publishDiagnostics for this buffer has arrived
  local raw = {} -- the LSP diagnostics of the last such notification
  local exited = nil -- exit code, once the server process is gone

  local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
  local config = {
    name = 'sunting',
    cmd = { bin, 'lsp' },
    root_dir = find_root(file),
    -- VS Code calls plain text "plaintext"; Neovim's filetype is "text".
    get_language_id = function(_, filetype)
      return filetype == 'text' and 'plaintext' or filetype
    end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, cfg)
        default_handler(err, result, ctx, cfg)
        if result and result.uri == uri then
          raw = result.diagnostics or {}
          published = true
        end
      end,
    },
    on_exit = function(code)
      exited = code
    end,
  }

  local ok, client_id
  if vim.lsp.start then
    ok, client_id = pcall(vim.lsp.start, config, { bufnr = bufnr })
  else
    ok, client_id = pcall(vim.lsp.start_client, config)
    if ok and client_id then
      vim.lsp.buf_attach_client(bufnr, client_id)
    end
  end
  if not ok or not client_id then
    local why = ok and 'not found or not executable' or tostring(client_id)
    return fail(('could not start "%s lsp": %s'):format(bin, why))
  end

  local function have_diagnostics()
    return #vim.diagnostic.get(bufnr) > 0
  end
  local arrived = vim.wait(timeout_ms, function()
    return published or have_diagnostics() or exited ~= nil
  end, 20)
  if not (published or have_diagnostics()) then
    if exited ~= nil then
      return fail(('server exited with code %s before sending diagnostics'):format(exited))
    end
    return fail(arrived and 'no diagnostics' or ('no diagnostics within %d ms'):format(timeout_ms))
  end
  -- An empty first publish may be followed by the real one; give it a moment.
  if not have_diagnostics() then
    vim.wait(300, have_diagnostics, 20)
  end

  local diags = vim.diagnostic.get(bufnr)
  local items = {}
  for i, d in ipairs(diags) do
    local lsp = (d.user_data and d.user_data.lsp) or {}
    local r = (#raw == #diags) and raw[i] or nil
    items[#items + 1] = {
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      code = d.code or lsp.code or (r and r.code) or vim.NIL,
      message = d.message,
      severity = d.severity,
      source = d.source or (r and r.source) or vim.NIL,
      lsp_range = r and r.range or vim.NIL,
    }
  end
  table.sort(items, function(a, b)
    if a.lnum ~= b.lnum then
      return a.lnum < b.lnum
    end
    if a.col ~= b.col then
      return a.col < b.col
    end
    return tostring(a.code) < tostring(b.code)
  end)
  -- vim.json.encode writes an empty table as {}; the contract is a list.
  write_out(#items == 0 and '[]' or vim.json.encode(items))
  vim.cmd('qa!')
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    local ok, err = pcall(main)
    if not ok then
      fail('attach.lua failed: ' .. tostring(err))
    end
  end,
})
