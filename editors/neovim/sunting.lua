-- sunting for Neovim: squiggles, hovers and quick fixes for Indonesian copy.
--
-- Install: copy this file to ~/.config/nvim/plugin/sunting.lua (see README.md).
-- Needs Neovim 0.11 or later for vim.lsp.config; on 0.8-0.10 it falls back to vim.lsp.start.

-- Settings sent to the server (the same as the VS Code settings sunting.minLevel and
-- sunting.extraPacks). Change them here.
local settings = {
  minLevel = 'info', -- 'error', 'warning' or 'info': the least important findings to show
  extraPacks = {}, -- extra rule packs, e.g. { '/home/me/aturan/redaksi.toml' }
}

local config = {
  cmd = { 'sunting', 'lsp' }, -- or the full path, e.g. { '/home/me/bin/sunting', 'lsp' }
  filetypes = { 'text', 'markdown' },
  root_markers = { '.sunting.toml', '.git' },
  -- VS Code calls plain text "plaintext"; Neovim's filetype is "text".
  get_language_id = function(_, filetype)
    return filetype == 'text' and 'plaintext' or filetype
  end,
  init_options = settings,
  settings = { sunting = settings },
}

-- Uncomment to show each finding's message at the end of its line
-- (Neovim 0.11 shows only the underline and a sign by default):
-- vim.diagnostic.config({ virtual_text = true })

if vim.lsp.config and vim.lsp.enable then
  -- Neovim 0.11+
  vim.lsp.config('sunting', config)
  vim.lsp.enable('sunting')
elseif vim.lsp.start and vim.fs and vim.fs.find then
  -- Neovim 0.8-0.10
  vim.api.nvim_create_autocmd('FileType', {
    group = vim.api.nvim_create_augroup('sunting', { clear = true }),
    pattern = config.filetypes,
    callback = function(args)
      local file = vim.api.nvim_buf_get_name(args.buf)
      if file == '' then
        return
      end
      local marker = vim.fs.find(config.root_markers, { upward = true, path = vim.fs.dirname(file) })[1]
      local c = vim.deepcopy(config)
      c.name = 'sunting'
      c.root_dir = marker and vim.fs.dirname(marker) or vim.fs.dirname(file)
      vim.lsp.start(c, { bufnr = args.buf })
    end,
  })
else
  local v = vim.version()
  vim.notify(('sunting: needs Neovim 0.8 or later (this is %d.%d)'):format(v.major, v.minor),
    vim.log.levels.WARN)
  return
end

-- :SuntingFixAll applies every quick fix sunting offers for the current file.
vim.api.nvim_create_user_command('SuntingFixAll', function()
  vim.lsp.buf.code_action({
    context = { only = { 'source.fixAll.sunting' }, diagnostics = {} },
    apply = true,
  })
end, { desc = 'sunting: apply all quick fixes in this file' })
