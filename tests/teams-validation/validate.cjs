// Validates Teams artefacts with the official packages (never a hand-written schema):
//   node validate.cjs manifest <manifest.json>   against json-schemas/teams/v<manifestVersion>/MicrosoftTeams.schema.json
//                                                  shipped in @microsoft/app-manifest (draft-04, so ajv-draft-04)
//   node validate.cjs cards <cards.json>          each Adaptive Card in the array parsed by the adaptivecards SDK for
//                                                  its version, with every parse warning/error and validation failure
// Prints one JSON object {"ok": bool, "errors": [...]} and exits 0 either way (the C# test reads it); exits 2 on misuse.
'use strict';
const fs = require('fs');
const path = require('path');

function manifest(file) {
  const Ajv = require('ajv-draft-04');
  const addFormats = require('ajv-formats');
  const document = JSON.parse(fs.readFileSync(file, 'utf8'));
  const version = document.manifestVersion;
  const schemaFile = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')),
    'build', 'json-schemas', 'teams', 'v' + version, 'MicrosoftTeams.schema.json');
  if (!fs.existsSync(schemaFile)) {
    return { ok: false, errors: ['no schema for manifestVersion ' + version + ' in @microsoft/app-manifest'] };
  }
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8').replace(/^\uFEFF/, '')));
  const ok = validate(document);
  return { ok, schema: 'v' + version, errors: (validate.errors || []).map(e => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`) };
}

function cards(file) {
  // The SDK touches the DOM only to render; parsing and validation run in Node.
  const AC = require('adaptivecards/dist/adaptivecards.js');
  const errors = [];
  for (const [index, card] of JSON.parse(fs.readFileSync(file, 'utf8')).entries()) {
    const version = AC.Version.parse(card.version, new AC.SerializationContext());
    const context = new AC.SerializationContext(version);
    const parsed = new AC.AdaptiveCard();
    parsed.parse(card, context);
    for (let i = 0; i < context.eventCount; i++) {
      const event = context.getEventAt(i);
      errors.push(`card ${index}: parse ${AC.ValidationEvent[event.event]}: ${event.message}`);
    }
    const results = parsed.validateProperties();
    for (const event of results.validationEvents) {
      errors.push(`card ${index}: ${AC.ValidationEvent[event.event]}: ${event.message}`);
    }
  }
  return { ok: errors.length === 0, errors };
}

const [kind, file] = process.argv.slice(2);
const run = { manifest, cards }[kind];
if (!run || !file) {
  console.error('usage: node validate.cjs manifest|cards <file>');
  process.exit(2);
}
console.log(JSON.stringify(run(file)));
