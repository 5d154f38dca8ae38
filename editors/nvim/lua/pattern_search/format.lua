-- Pure formatting: result lines for pickers and quickfix, and pattern documents laid out like their files.
local M = {}

local entities = { ['&lt;'] = '<', ['&gt;'] = '>', ['&quot;'] = '"', ['&#39;'] = "'", ['&amp;'] = '&' }

--- A snippet as plain text: <mark> dropped, entities decoded, whitespace collapsed.
function M.plain_snippet(html)
  local text = (html or ''):gsub('</?mark>', ''):gsub('&%#?%w+;', function(entity)
    return entities[entity] or entity
  end)
  return vim.trim((text:gsub('%s+', ' ')))
end

--- One line per hit: title, pillar, status and snippet.
function M.item(hit)
  return ('%s  [%s · %s]  %s'):format(hit.title, hit.pillar, hit.status, M.plain_snippet(hit.snippet))
end

--- A quickfix entry for `hit` in `filename` (a local file or pattern://{id}), at its best section.
function M.quickfix_item(hit, filename)
  return { filename = filename, lnum = hit.line, end_lnum = hit.line_end, col = 1, text = M.item(hit) }
end

local function one_line(text)
  return ((text or ''):gsub('[\r\n]+', ' '))
end

--- The pattern from /v1/patterns/{id} as buffer lines, each section at the line it has in the corpus file, so
--- the line numbers of search hits apply unchanged. The front matter's lines hold a short heading instead (its
--- symptoms too, as far as the lines reach).
function M.pattern_lines(pattern)
  local header = {
    '# ' .. one_line(pattern.title),
    '',
    one_line(pattern.description),
    '',
    ('*%s · %s*'):format(pattern.pillar, pattern.status),
  }
  if pattern.symptoms and #pattern.symptoms > 0 then
    vim.list_extend(header, { '', 'Sounds like your problem?' })
    for _, symptom in ipairs(pattern.symptoms) do
      table.insert(header, '- ' .. one_line(symptom))
    end
  end
  local sections = pattern.sections or {}
  local first = sections[1] and sections[1].line or #header + 2
  local lines = {}
  for i = 1, first - 1 do
    lines[i] = header[i] or ''
  end
  for _, section in ipairs(sections) do
    while #lines < section.line - 1 do
      table.insert(lines, '')
    end
    local markdown = section.markdown:gsub('\n+$', '')
    vim.list_extend(lines, vim.split(markdown, '\n', { plain = true }))
  end
  return lines
end

--- A hit's source file when it exists on this machine: as given, or under `root` when the index recorded a
--- path relative to the repository (e.g. corpus/patterns/...). Nil when it is not checked out here.
function M.local_path(path, root)
  if not path or path == '' then
    return nil
  end
  local candidates = { path }
  if root and not vim.startswith(path, '/') then
    table.insert(candidates, 1, root:gsub('/+$', '') .. '/' .. path)
  end
  for _, candidate in ipairs(candidates) do
    if vim.fn.filereadable(candidate) == 1 then
      return vim.fn.fnamemodify(candidate, ':p')
    end
  end
  return nil
end

return M
