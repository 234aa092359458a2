// Validates every document of a multi-document YAML file against the Kubernetes OpenAPI schema of its
// kind (npm kubernetes-models): wrong types and enum values fail. Unknown fields are caught by the Java
// side (fabric8), not here. Usage: node validate-manifests.mjs <file.yaml>; exit 1 on any invalid document.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";

const moduleDir = process.env.CHART_TESTS_NODE_MODULES;
const require = createRequire(path.join(moduleDir, "noop.js"));
const yaml = require("js-yaml");
const problems = [];
let checked = 0;
for (const doc of yaml.loadAll(readFileSync(process.argv[2], "utf8"))) {
  if (!doc) continue;
  const where = `${doc.kind} ${doc.metadata?.name}`;
  const modelPath = path.join(moduleDir, "kubernetes-models", doc.apiVersion, `${doc.kind}.js`);
  let Model;
  try {
    Model = (await import(pathToFileURL(modelPath).href))[doc.kind];
  } catch (e) {
    problems.push(`${where}: no model for ${doc.apiVersion}/${doc.kind}`);
    continue;
  }
  try {
    new Model(doc).validate();
    checked++;
  } catch (e) {
    problems.push(`${where}: ${e.message}`);
  }
}
if (problems.length) {
  console.log(problems.join("\n"));
  process.exit(1);
}
console.log(`valid: ${checked}`);
