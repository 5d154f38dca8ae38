-- pattern_search: the :PatternSearch command and pattern:// buffers. The work is in lua/pattern_search/.
if vim.g.loaded_pattern_search then
  return
end
vim.g.loaded_pattern_search = true

vim.api.nvim_create_user_command('PatternSearch', function(opts)
  require('pattern_search').command(opts)
end, { nargs = '*', range = true, desc = 'Search the Production AI Patterns library' })

-- A pattern that is not checked out locally opens as pattern://{id}, filled from the daemon.
vim.api.nvim_create_autocmd('BufReadCmd', {
  pattern = 'pattern://*',
  callback = function(args)
    require('pattern_search').read_pattern_buffer(args.buf, args.match)
  end,
})
