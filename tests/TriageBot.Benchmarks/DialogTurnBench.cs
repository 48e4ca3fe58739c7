using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging.Abstractions;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Middleware;
using TriageBot.Runtime.Prompts;
using TriageBot.Runtime.State;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Benchmarks;

public sealed record BenchState(string? Location = null, double? Score = null, TimeSpan? Duration = null, bool? Numbness = null, string? Treatment = null);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BenchState))]
internal sealed partial class BenchJson : JsonSerializerContext;

/// <summary>A triage-shaped waterfall (choice, score with validator and a re-ask, duration, yes/no, choice) like the peer bench's.</summary>
internal sealed class DialogTurnBench
{
    private static readonly string[] Script = ["hi", "lower back", "12", "7", "more than 3 months", "yes", "physio"];
    private readonly InMemoryStateStore _store = new();
    private readonly TurnRunner _runner;

    public DialogTurnBench()
    {
        var waterfall = new WaterfallDialog<BenchState>("bench", 1, BenchJson.Default.BenchState, () => new BenchState())
            .AddPrompt("ask-location", new ChoicePrompt("choice"),
                _ => PromptOptions.Ask("Where is your pain?", null, [new("Neck"), new("Upper back"), new("Lower back"), new("Several")]),
                (s, c) => s with { Location = c.Value?.Value })
            .AddPrompt("ask-score", new NumberPrompt("score", InRange, scoreOutOf: 10),
                _ => PromptOptions.Ask("How bad is it from 0 to 10?", "Please give a number from 0 to 10."),
                (s, n) => s with { Score = n.Value })
            .AddPrompt("ask-duration", new DurationPrompt("duration", TimeProvider.System),
                _ => PromptOptions.Ask("How long have you had it?"),
                (s, d) => s with { Duration = d.Value })
            .AddPrompt("ask-numbness", new ConfirmPrompt("confirm"),
                _ => PromptOptions.Ask("Any numbness or tingling?"),
                (s, b) => s with { Numbness = b.Value })
            .AddPrompt("ask-treatment", new ChoicePrompt("choice"),
                _ => PromptOptions.Ask("What have you tried?", null, [new("Painkillers"), new("Physio"), new("Nothing")]),
                (s, c) => s with { Treatment = c.Value?.Value })
            .AddStep("finish", (step, ct) =>
            {
                step.Context.SendActivity("Thank you. Here is what we can suggest.");
                return step.EndDialogAsync(null, ct);
            });
        var dialogs = new DialogSet().Add(waterfall).Add(new ChoicePrompt("choice")).Add(new NumberPrompt("score", InRange, scoreOutOf: 10))
            .Add(new DurationPrompt("duration", TimeProvider.System)).Add(new ConfirmPrompt("confirm"));
        var manager = new DialogManager(dialogs, "bench", [], new DialogManagerOptions(), NullLogger<DialogManager>.Instance);
        var pipeline = new TurnPipeline(
            [new TurnErrorMiddleware(new TurnErrorOptions(), NullLogger<TurnErrorMiddleware>.Instance), new RemoveRecipientMentionMiddleware()],
            new DialogBot(manager));
        _runner = new TurnRunner(_store, pipeline, new TurnRunnerOptions(), NullLogger<TurnRunner>.Instance);
    }

    public int TypicalStateBytes { get; private set; }

    public async Task<int> RunAsync(int conversations)
    {
        var turns = 0;
        for (var c = 0; c < conversations; c++)
        {
            var conversation = new ConversationAccount { Id = $"bench-{Guid.NewGuid():N}" };
            for (var t = 0; t < Script.Length; t++)
            {
                var result = await _runner.RunAsync(Activity(conversation, t), null, CancellationToken.None);
                if (result.Replies.Count == 0)
                {
                    throw new InvalidOperationException($"No reply at turn {t}.");
                }

                turns++;
                if (t == 3 && TypicalStateBytes == 0)
                {
                    var stored = await _store.ReadAsync($"test/conversations/{conversation.Id}", CancellationToken.None);
                    TypicalStateBytes = System.Text.Encoding.UTF8.GetByteCount(stored!.Json);
                }
            }

            await _store.DeleteAsync($"test/conversations/{conversation.Id}", CancellationToken.None);
        }

        return turns;
    }

    private static Activity Activity(ConversationAccount conversation, int turn) => new()
    {
        Type = ActivityTypes.Message,
        Id = $"{conversation.Id}|{turn:D7}",
        Text = Script[turn],
        ChannelId = ChannelIds.Test,
        Conversation = conversation,
        From = new ChannelAccount { Id = "user" },
        Recipient = new ChannelAccount { Id = "bot" },
        ServiceUrl = "http://localhost:1",
        Locale = "en-GB",
    };

    private static Task<bool> InRange(PromptValidatorContext<double> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(prompt.Recognized is { Succeeded: true, Value: >= 0 and <= 10 });
}
