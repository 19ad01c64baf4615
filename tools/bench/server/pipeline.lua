-- pipeline.lua — wrk script: every request is 16 GETs of the URL's path sent back to back (pipelining).
-- wrk counts the requests in the string (its "pipeline" depth) and each response, so requests/s is per request.
init = function(args)
  local batch = {}
  for i = 1, 16 do batch[i] = wrk.format("GET", wrk.path) end
  req = table.concat(batch)
end
request = function() return req end
