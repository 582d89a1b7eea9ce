// validate_gltf.js FILE — runs the Khronos glTF validator and prints its summary as JSON
// ({errors, warnings, infos, hints, messages}). Exit 0 when the file has no errors and no warnings.
const fs = require('fs');
const validator = require('gltf-validator');
const path = process.argv[2];
const data = new Uint8Array(fs.readFileSync(path));
validator.validateBytes(data, { maxIssues: 50 }).then((r) => {
  const i = r.issues;
  console.log(JSON.stringify({ errors: i.numErrors, warnings: i.numWarnings, infos: i.numInfos, hints: i.numHints,
    messages: i.messages.slice(0, 20).map((m) => `${m.severity} ${m.code} ${m.pointer || ''} ${m.message}`) }, null, 1));
  process.exit(i.numErrors === 0 && i.numWarnings === 0 ? 0 : 1);
}).catch((e) => { console.error('validator failed: ' + e); process.exit(2); });
