-- End-to-end check of `sunting lsp` in a real Neovim (0.7 or later), used by tests/nvim.rs:
--
--   SUNTING_BIN=target/debug/sunting SUNTING_OUT=/tmp/out.json \
--     nvim --headless --clean -u tests/nvim/attach.lua FILE
--
-- Starts the server for the opened buffer, waits for its first publishDiagnostics, asks for
-- a hover on the first finding, then writes JSON to SUNTING_OUT and quits:
--   { "raw": [LSP diagnostics as the server sent them],
--     "nvim": [vim.diagnostic.get() entries: lnum/col in bytes as Neovim places them],
--     "hover": "markdown text or null", "encoding": "utf-16" }
-- On a timeout or a missing variable it writes { "error": "..." } and exits with 1.

local bin = os.getenv("SUNTING_BIN")
local out = os.getenv("SUNTING_OUT")

local function finish(result, code)
  if out then
    local f = io.open(out, "w")
    if f then
      f:write(vim.fn.json_encode(result))
      f:close()
    end
  end
  vim.cmd((code == 0) and "qall!" or "cquit! " .. code)
end

local function main()
  if not bin or not out then
    return finish({ error = "set SUNTING_BIN and SUNTING_OUT" }, 1)
  end
  local buf = vim.api.nvim_get_current_buf()
  local file = vim.api.nvim_buf_get_name(buf)
  if file == "" then
    return finish({ error = "open a file: nvim ... -u attach.lua FILE" }, 1)
  end
  local raw = nil
  local default_handler = vim.lsp.handlers["textDocument/publishDiagnostics"]
  local client_id = vim.lsp.start_client({
    name = "sunting",
    cmd = { bin, "lsp", "--debounce-ms", "0" },
    root_dir = vim.fn.fnamemodify(file, ":p:h"),
    settings = { sunting = { minLevel = "info", extraPacks = {} } },
    flags = { debounce_text_changes = 0 },
    handlers = {
      ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
        if result and vim.uri_to_fname(result.uri) == vim.fn.fnamemodify(file, ":p") then
          raw = result.diagnostics
        end
        return default_handler(err, result, ctx, config)
      end,
    },
  })
  if not client_id then
    return finish({ error = "could not start " .. bin }, 1)
  end
  vim.lsp.buf_attach_client(buf, client_id)
  local ok = vim.wait(20000, function()
    return raw ~= nil
  end, 20)
  if not ok then
    return finish({ error = "timeout: no publishDiagnostics for " .. file }, 1)
  end
  -- Let Neovim's own handler place the diagnostics.
  vim.wait(200, function()
    return #vim.diagnostic.get(buf) == #raw
  end, 10)
  local placed = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(placed, {
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code),
      message = d.message,
    })
  end
  local hover = vim.NIL
  if #raw > 0 then
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      position = raw[1].range.start,
    }
    local res = vim.lsp.buf_request_sync(buf, "textDocument/hover", params, 10000)
    for _, r in pairs(res or {}) do
      if r.result and r.result.contents then
        hover = r.result.contents.value or vim.NIL
      end
    end
  end
  local client = vim.lsp.get_client_by_id(client_id)
  local encoding = client and client.offset_encoding or "utf-16"
  vim.lsp.stop_client(client_id)
  return finish({ raw = raw, nvim = placed, hover = hover, encoding = encoding }, 0)
end

-- The init file runs before the file's buffer is loaded: start once Neovim is up.
vim.api.nvim_create_autocmd("VimEnter", {
  once = true,
  callback = function()
    local ok, err = pcall(main)
    if not ok then
      finish({ error = tostring(err) }, 1)
    end
  end,
})
