-- Search the Production AI Patterns library from Neovim: :PatternSearch {query}, or on a visual selection.
local client = require('pattern_search.client')
local format = require('pattern_search.format')

local M = {}

-- The API's own cap on query text; a longer selection is searched by its first words.
local max_query_bytes = 1024

M.config = {
  url = vim.env.PATTERN_SEARCH_URL or 'http://127.0.0.1:7171', -- where pattern-searchd listens
  limit = 20, -- results per search
  picker = 'select', -- 'select' (vim.ui.select, so Telescope or dressing.nvim if installed) or 'quickfix'
  corpus_root = nil, -- a checkout of the library, to open its files rather than read-only pattern:// buffers
  timeout = 5, -- seconds per request
}

function M.setup(opts)
  M.config = vim.tbl_extend('force', M.config, opts or {})
end

local function notify_error(message)
  vim.notify(message, vim.log.levels.ERROR, { title = 'PatternSearch' })
end

--- The visually selected text of the command's range (characterwise selections are cut to the selection).
local function selection_text(opts)
  local lines = vim.api.nvim_buf_get_lines(0, opts.line1 - 1, opts.line2, false)
  local start, finish = vim.fn.getpos("'<"), vim.fn.getpos("'>")
  if #lines > 0 and vim.fn.visualmode() == 'v' and start[2] == opts.line1 and finish[2] == opts.line2 then
    lines[#lines] = lines[#lines]:sub(1, finish[3])
    lines[1] = lines[1]:sub(start[3])
  end
  return table.concat(lines, ' ')
end

local function clamp_query(text)
  text = vim.trim((text:gsub('%s+', ' ')))
  if #text <= max_query_bytes then
    return text
  end
  return (text:sub(1, max_query_bytes):gsub('%s+%S*$', ''))
end

--- Where hit (or pattern id) opens: its local file if there is one, else pattern://{id}.
function M.location(hit)
  return format.local_path(hit.path, M.config.corpus_root) or ('pattern://' .. hit.id)
end

--- Opens the hit's pattern in a split with the cursor on its best section.
function M.open(hit)
  vim.cmd('split ' .. vim.fn.fnameescape(M.location(hit)))
  local last = vim.api.nvim_buf_line_count(0)
  vim.api.nvim_win_set_cursor(0, { math.min(hit.line or 1, last), 0 })
  vim.cmd('normal! zt')
end

--- Shows ranked hits: in the picker (choosing one opens it), or as the quickfix list.
function M.show(result)
  local hits = result.hits
  local title = ('Patterns for "%s"'):format(result.query)
  if M.config.picker == 'quickfix' then
    local items = {}
    for _, hit in ipairs(hits) do
      table.insert(items, format.quickfix_item(hit, M.location(hit)))
    end
    vim.fn.setqflist({}, ' ', { title = title, items = items })
    vim.cmd('copen')
    return
  end
  vim.ui.select(hits, { prompt = title, format_item = format.item, kind = 'pattern_search' }, function(hit)
    if hit then
      M.open(hit)
    end
  end)
end

--- Searches and shows the results; errors (daemon down, bad query) are reported, never silent.
function M.search(query)
  query = clamp_query(query or '')
  if query == '' then
    return notify_error('PatternSearch: give a query, e.g. :PatternSearch provider times out at peak')
  end
  local result, err = client.search(M.config, query)
  if not result then
    return notify_error(err)
  end
  if #result.hits == 0 then
    local hint = result.did_you_mean and (' Did you mean: ' .. result.did_you_mean .. '?') or ''
    return vim.notify(('No patterns found for "%s".%s'):format(query, hint), vim.log.levels.WARN)
  end
  M.show(result)
end

--- :PatternSearch [query]; with a range and no query, searches the visual selection.
function M.command(opts)
  local query = opts.args
  if query == '' and opts.range > 0 then
    query = selection_text(opts)
  end
  M.search(query)
end

--- BufReadCmd for pattern://{id}: fills the buffer from the daemon, laid out like the pattern's file.
function M.read_pattern_buffer(buf, name)
  local id = name:gsub('^pattern://', '')
  local pattern, err = client.pattern(M.config, id)
  local lines = pattern and format.pattern_lines(pattern) or vim.split(err, '\n', { plain = true })
  vim.bo[buf].modifiable = true
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  vim.bo[buf].buftype = 'nofile'
  vim.bo[buf].swapfile = false
  vim.bo[buf].modifiable = false
  vim.bo[buf].filetype = 'markdown'
  if not pattern then
    notify_error(err)
  end
end

return M
