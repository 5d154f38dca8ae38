-- Headless tests of the Neovim plugin against a real pattern-searchd on an ephemeral port. Run by ctest as
--   nvim --headless -u NONE -i NONE -n -c 'luafile pattern_search_spec.lua'
-- with PAI_BIN_DIR, PAI_FIXTURES_DIR and PAI_SOURCE_DIR set; exits non-zero when a case fails.
local bin, fixtures, source = vim.env.PAI_BIN_DIR, vim.env.PAI_FIXTURES_DIR, vim.env.PAI_SOURCE_DIR
vim.opt.runtimepath:prepend(source .. '/editors/nvim')
vim.cmd('runtime plugin/pattern_search.lua')
local plugin = require('pattern_search')
local format = require('pattern_search.format')

local function say(text)
  io.stdout:write(text, '\n')
end

local function check(condition, message)
  if not condition then
    error(message, 2)
  end
end

local function equal(actual, expected, what)
  check(vim.deep_equal(actual, expected), ('%s: expected %s, got %s'):format(what, vim.inspect(expected), vim.inspect(actual)))
end

local function run(cmd, cwd)
  local job = vim.fn.jobstart(cmd, { cwd = cwd })
  local status = vim.fn.jobwait({ job }, 30000)[1]
  check(status == 0, table.concat(cmd, ' ') .. ' exited with ' .. status)
end

-- Captures what the plugin hands to vim.ui.select and vim.notify, and picks the choice `pick` names.
local url, daemon, temp
local selected, notices
local function stub_ui(pick)
  selected, notices = nil, {}
  vim.ui.select = function(items, opts, on_choice)
    selected = { items = items, opts = opts }
    on_choice(pick and items[pick] or nil, pick)
  end
  vim.notify = function(message, level)
    table.insert(notices, { message = message, level = level })
  end
end

local function reset()
  vim.cmd('silent! only | enew!')
  vim.fn.setqflist({}, 'r')
  plugin.setup({ url = url, picker = 'select' })
  plugin.config.corpus_root = nil
end

local source_lines = vim.fn.readfile(fixtures .. '/corpus/patterns/reliability/circuit-breaker.md')

local cases = {}

cases['search lists ranked hits with title, pillar, status and snippet'] = function()
  stub_ui(nil)
  vim.cmd('PatternSearch provider times out at peak')
  check(selected, 'the picker was not shown; notices: ' .. vim.inspect(notices))
  local first = selected.items[1]
  equal(first.id, 'circuit-breaker', 'best hit')
  local line = selected.opts.format_item(first)
  check(line:find('Circuit Breaker', 1, true) and line:find('reliability · validated-in-production', 1, true), line)
  check(not line:find('<mark>', 1, true) and line:find('provider', 1, true), 'snippet is plain text: ' .. line)
  check(selected.opts.prompt:find('provider times out at peak', 1, true), selected.opts.prompt)
end

cases['choosing a hit opens its Markdown in a split at the best section'] = function()
  stub_ui(1)
  local windows = #vim.api.nvim_tabpage_list_wins(0)
  vim.cmd('PatternSearch provider times out at peak')
  local hit = selected.items[1]
  equal(#vim.api.nvim_tabpage_list_wins(0), windows + 1, 'windows')
  equal(vim.api.nvim_buf_get_name(0), 'pattern://circuit-breaker', 'buffer')
  equal(vim.api.nvim_win_get_cursor(0)[1], hit.line, 'cursor line')
  equal(vim.api.nvim_get_current_line(), '## ' .. hit.section_title, 'line under the cursor')
  equal(vim.bo.filetype, 'markdown', 'filetype')
end

cases['a pattern:// buffer keeps every section at its line in the corpus file'] = function()
  vim.cmd('edit pattern://circuit-breaker')
  local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  local first_heading
  for number, text in ipairs(source_lines) do
    if text:match('^## ') then
      first_heading = first_heading or number
      equal(lines[number], text, 'line ' .. number)
    end
  end
  equal(lines[#lines], source_lines[#source_lines], 'last line')
  equal(lines[1], '# Circuit Breaker', 'title in place of the front matter')
  check(first_heading and first_heading > 1, 'the fixture has front matter')
end

cases['a pattern:// buffer lists the symptoms in the front matter lines'] = function()
  vim.cmd('edit pattern://token-budget')
  local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  local at = vim.fn.index(lines, 'Sounds like your problem?') + 1
  check(at > 1, 'no symptoms heading')
  equal(lines[at + 1], '- finance flagged a surprise invoice', 'first symptom')
  equal(lines[at + 2], '- one customer drained the whole allowance overnight', 'second symptom')
  check(lines[at + 3] == '' or lines[at + 3]:match('^## '), 'the list ends before the first section')
end

cases['with corpus_root set, the checked-out file itself is opened'] = function()
  stub_ui(1)
  plugin.setup({ corpus_root = fixtures })
  vim.cmd('PatternSearch provider times out at peak')
  equal(vim.fn.resolve(vim.api.nvim_buf_get_name(0)), vim.fn.resolve(fixtures .. '/corpus/patterns/reliability/circuit-breaker.md'), 'file')
  local line = vim.api.nvim_win_get_cursor(0)[1]
  equal(source_lines[line], '## ' .. selected.items[1].section_title, 'line under the cursor')
end

cases['a visual selection is the query'] = function()
  stub_ui(nil)
  local text = 'retry(call) -- the provider times out at peak, so back off'
  vim.api.nvim_buf_set_lines(0, 0, -1, false, { text, 'second line' })
  local from = text:find('provider', 1, true)
  local to = text:find('out', 1, true) + 2
  vim.cmd(('normal! 1G%d|v%d|\27'):format(from, to)) -- characterwise: "provider times out"
  vim.cmd("'<,'>PatternSearch")
  check(selected, 'no results shown; notices: ' .. vim.inspect(notices))
  equal(selected.opts.prompt, 'Patterns for "provider times out"', 'prompt')
  equal(selected.items[1].id, 'circuit-breaker', 'best hit')
end

cases['quickfix mode lists hits at their lines and opens them'] = function()
  stub_ui(nil)
  plugin.setup({ picker = 'quickfix' })
  vim.cmd('PatternSearch provider times out at peak')
  local list = vim.fn.getqflist({ items = 1, title = 1 })
  check(#list.items >= 2, 'quickfix entries: ' .. #list.items)
  check(list.title:find('provider times out at peak', 1, true), list.title)
  check(list.items[1].text:find('Circuit Breaker', 1, true), list.items[1].text)
  vim.cmd('cc 1')
  equal(vim.api.nvim_buf_get_name(0), 'pattern://circuit-breaker', 'buffer')
  equal(vim.api.nvim_win_get_cursor(0)[1], list.items[1].lnum, 'cursor line')
  check(vim.api.nvim_get_current_line():match('^## '), 'on a heading: ' .. vim.api.nvim_get_current_line())
end

cases['no results and bad queries are reported, not silent'] = function()
  stub_ui(nil)
  vim.cmd('PatternSearch zzzqqqxxx')
  check(selected == nil, 'picker shown for no results')
  check(notices[1] and notices[1].message:find('No patterns found', 1, true), vim.inspect(notices))
  stub_ui(nil)
  vim.cmd('PatternSearch')
  check(notices[1] and notices[1].level == vim.log.levels.ERROR, vim.inspect(notices))
end

cases['when the daemon is not running, it says how to start it'] = function()
  stub_ui(nil)
  plugin.setup({ url = 'http://127.0.0.1:1' })
  vim.cmd('PatternSearch retries')
  check(selected == nil, 'picker shown without a daemon')
  local message = notices[1] and notices[1].message or ''
  check(message:find('http://127.0.0.1:1', 1, true), message)
  check(message:find('scripts/serve', 1, true) and message:find('setup', 1, true), message)
end

cases['snippets are decoded to plain text'] = function()
  equal(format.plain_snippet('a <mark>b</mark> &lt;c&gt; &amp;\n d'), 'a b <c> & d', 'snippet')
end

-- The fixture corpus indexed with relative paths (corpus/patterns/...), as scripts/serve does for the
-- repository, served by a real daemon on an ephemeral port.
local function start_daemon()
  temp = vim.fn.tempname()
  vim.fn.mkdir(temp, 'p')
  local index = temp .. '/index'
  run({ bin .. '/pattern-indexer', '--corpus', 'corpus', '--index', index }, fixtures)
  vim.fn.chdir(temp) -- so relative paths do not resolve to the fixtures by accident
  -- The shell stops the daemon when its stdin, a pipe from nvim, closes: however nvim ends.
  local until_stdin_closes = 'exec 3<&0; "$0" "$@" & pid=$!; { read -r _ <&3; kill "$pid" 2>/dev/null; } & wait "$pid"'
  local searchd = { 'sh', '-c', until_stdin_closes, bin .. '/pattern-searchd', '--index', index, '--listen', '127.0.0.1:0' }
  daemon = vim.fn.jobstart(searchd, {
    on_stdout = function(_, data)
      for _, line in ipairs(data) do
        url = url or line:match('(http://[%d%.:]+)')
      end
    end,
  })
  check(vim.wait(10000, function()
    return url ~= nil
  end, 20), 'pattern-searchd did not start')
end

local function run_cases()
  start_daemon()
  local names = vim.tbl_keys(cases)
  table.sort(names)
  local failed = 0
  for _, name in ipairs(names) do
    reset()
    local ok, err = pcall(cases[name])
    say((ok and 'ok     ' or 'FAILED ') .. name .. (ok and '' or ('\n       ' .. tostring(err))))
    if not ok then
      failed = failed + 1
    end
  end
  say(('%d passed, %d failed'):format(#names - failed, failed))
  return failed
end

local ok, result = pcall(run_cases)
if not ok then
  say('ERROR ' .. tostring(result))
end
if daemon then
  vim.fn.chanclose(daemon, 'stdin')
  vim.fn.jobwait({ daemon }, 5000)
end
if temp then
  vim.fn.delete(temp, 'rf')
end
vim.cmd((ok and result == 0) and 'qall!' or 'cquit 1')
