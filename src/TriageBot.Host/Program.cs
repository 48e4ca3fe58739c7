using TriageBot.Host;

var app = TriageBotApp.Build(args);
await app.RunAsync();
