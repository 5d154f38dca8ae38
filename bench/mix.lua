-- wrk script: each request is the next line of the file named after `--` (request paths such as
-- /v1/search?q=...), in order, starting again after the last, so a run replays the judged mix as written.
--   wrk -t1 -c32 -d5s --latency -s bench/mix.lua http://127.0.0.1:7171 -- mix-paths.txt
local paths = {}
local next_path = 0

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  assert(#paths > 0, "mix.lua: no request paths in " .. tostring(args[1]))
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end
