// Validates Adaptive Cards with the official JavaScript library (npm adaptivecards, the renderer Web Chat ships):
// parse at the card's version with a SerializationContext that records every validation event, then
// validateProperties(). Also reports any property the parser dropped, so a misspelt or unknown property cannot pass.
// Usage: node validate-adaptive-cards.js <path to adaptivecards.js> < cards.json   (a JSON array of cards)
// Prints a JSON array with one list of problems per card.
const AC = require(process.argv[2]);
const cards = JSON.parse(require("fs").readFileSync(0, "utf8"));

function paths(node, prefix, out) {
  if (Array.isArray(node)) node.forEach((item, i) => paths(item, `${prefix}[${i}]`, out));
  else if (node && typeof node === "object") for (const key of Object.keys(node)) { out.add(`${prefix}.${key}`); paths(node[key], `${prefix}.${key}`, out); }
  return out;
}

const results = cards.map(json => {
  const problems = [];
  const [major, minor] = String(json.version).split(".").map(Number);
  const context = new AC.SerializationContext(new AC.Version(major, minor));
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of card.validateProperties().validationEvents) problems.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  // What the library writes back is what it understood; defaults (false, "default") are left out, so only compare
  // the properties whose value is not a default-looking one.
  const back = paths(card.toJSON(), "", new Set());
  for (const p of paths(json, "", new Set())) {
    // refresh.userIds is in the Adaptive Card schema since 1.4 (Teams' per-user views) but this library does not model
    // it; the C# test checks it instead.
    if (p === ".$schema" || p === ".refresh.userIds" || back.has(p)) continue;
    problems.push(`Dropped: ${p}`);
  }
  return problems;
});
console.log(JSON.stringify(results));
