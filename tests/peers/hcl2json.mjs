// Parses Terraform files with HashiCorp's HCL parser (@cdktf/hcl2json, Go hcl compiled to WebAssembly) and
// formats them with hclwrite's formatter, the one `terraform fmt` uses (@cdktf/hcl-tools).
//
//   node hcl2json.mjs FILE...
//
// Prints one JSON object: { "FILE": { "json": <the file as Terraform JSON syntax>, "formatted": "<fmt output>" } }.
// Exit codes: 0 all files parsed, 1 a file is not valid HCL (the parser's message on stderr), 2 usage or I/O error.
import { parse } from '@cdktf/hcl2json';
import { format } from '@cdktf/hcl-tools';
import { readFileSync } from 'node:fs';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node hcl2json.mjs FILE...');
  process.exit(2);
}
const result = {};
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`${file}: cannot read: ${error.message}`);
    process.exit(2);
  }
  try {
    result[file] = { json: await parse(file, text), formatted: await format(text) };
  } catch (error) {
    console.error(`${file}: not valid HCL: ${error.message}`);
    process.exit(1);
  }
}
process.stdout.write(JSON.stringify(result));
