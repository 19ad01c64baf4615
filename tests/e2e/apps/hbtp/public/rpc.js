// The page's own script (dxc copies it from public/; it is not compiled): it talks to dx-server over HBTP
// with the client dx.js carries when dx.config.json says "hbtp": true, and shows the echo of an RPC call.
window.__dx.ready.then(async () => {
  const { connect, METHOD } = window.__dx.hbtp;
  const h = await connect();
  const answer = await h.call(METHOD.echo, "echo: héllo ✓");
  document.getElementById("rpc").textContent = new TextDecoder().decode(answer);
  await h.close();
});
