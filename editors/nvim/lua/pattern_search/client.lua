-- The daemon's /v1 API over curl (no shell involved), decoded with vim.json.
local M = {}

--- Percent-encodes a query-string component (RFC 3986 unreserved characters pass through).
function M.urlencode(text)
  return (text:gsub('[^%w%-_%.~]', function(c)
    return string.format('%%%02X', c:byte())
  end))
end

--- What to do when the daemon does not answer: how to start it, and how to point the plugin elsewhere.
function M.unreachable_message(url, detail)
  return table.concat({
    ('pattern-searchd is not answering at %s (%s).'):format(url, vim.trim(detail or '')),
    'Start it from the patterns repository with scripts/serve',
    '(or build/bin/pattern-searchd --index var/index --listen 127.0.0.1:7171),',
    "or point the plugin at it: require('pattern_search').setup({ url = 'http://HOST:PORT' }) or $PATTERN_SEARCH_URL.",
  }, '\n')
end

--- GETs `target` from the daemon. Returns the decoded JSON, or nil and a message for people.
function M.get(config, target)
  if vim.fn.executable('curl') == 0 then
    return nil, 'pattern_search needs curl on $PATH to reach pattern-searchd at ' .. config.url
  end
  local url = config.url:gsub('/+$', '') .. target
  local out = vim.fn.system({ 'curl', '-sS', '--max-time', tostring(config.timeout), '-w', '\n%{http_code}', url })
  if vim.v.shell_error ~= 0 then
    return nil, M.unreachable_message(config.url, out)
  end
  local body, status = out:match('^(.*)\n(%d+)$')
  local ok, decoded = pcall(vim.json.decode, body or '')
  if not ok or type(decoded) ~= 'table' then
    return nil, ('%s did not answer with JSON (status %s); is it pattern-searchd?'):format(config.url, status or '?')
  end
  if status ~= '200' then
    local message = type(decoded.error) == 'table' and decoded.error.message or body
    return nil, ('pattern-searchd: %s (HTTP %s)'):format(message, status)
  end
  return decoded
end

function M.search(config, query)
  return M.get(config, ('/v1/search?q=%s&limit=%d'):format(M.urlencode(query), config.limit))
end

function M.pattern(config, id)
  return M.get(config, '/v1/patterns/' .. M.urlencode(id))
end

return M
