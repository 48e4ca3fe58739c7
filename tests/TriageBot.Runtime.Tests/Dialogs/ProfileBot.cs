using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging.Abstractions;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Prompts;
using TriageBot.Runtime.Turns;

namespace TriageBot.Runtime.Tests.Dialogs;

/// <summary>The typed state of the test waterfall.</summary>
public sealed record ProfileState(string? Name = null, int? Age = null, bool AgeSkipped = false);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ProfileState))]
[JsonSerializable(typeof(int))]
internal sealed partial class TestJsonContext : JsonSerializerContext;

/// <summary>A whole-number prompt good enough for engine tests (the real NumberPrompt has its own tests).</summary>
internal sealed class WholeNumberPrompt(string id, PromptValidator<int>? validator = null)
    : Prompt<int>(id, TestJsonContext.Default.Int32, validator)
{
    protected override Task<PromptRecognition<int>> RecognizeAsync(TurnContext turnContext, PromptOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(int.TryParse(turnContext.Activity.Text, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? PromptRecognition<int>.Of(n)
            : PromptRecognition<int>.Failed);
}

/// <summary>Builds a small bot: name, then age, then a summary; the knobs let tests change the code between "deploys".</summary>
internal static class ProfileBot
{
    public static IBot Create(
        int version = 1,
        bool withAgeStep = true,
        PromptValidator<int>? ageValidator = null,
        IEnumerable<IInterruption>? interruptions = null,
        WaterfallStep<ProfileState>? extraStep = null)
    {
        var waterfall = new WaterfallDialog<ProfileState>("profile", version, TestJsonContext.Default.ProfileState, () => new ProfileState())
            .AddPrompt("ask-name", new TextPrompt("ask.name"), _ => PromptOptions.Ask("What is your name?"),
                (s, name) => s with { Name = name.Value });
        if (withAgeStep)
        {
            waterfall.AddPrompt("ask-age", new WholeNumberPrompt("ask.age", ageValidator),
                _ => PromptOptions.Ask("How old are you?", "Please say a number, like 42.") with { MaxAttempts = 3 },
                (s, age) => age.TryGetValue(out var years) ? s with { Age = years } : s with { AgeSkipped = true });
        }

        if (extraStep is not null)
        {
            waterfall.AddStep("extra", extraStep);
        }

        waterfall.AddStep("summarise", (step, ct) =>
        {
            var v = step.Values;
            step.Context.SendActivity(v.AgeSkipped ? $"Thanks {v.Name}, we will skip your age." : $"Thanks {v.Name}, {v.Age}.");
            return step.EndDialogAsync(null, ct);
        });

        var dialogs = new DialogSet()
            .Add(waterfall)
            .Add(new TextPrompt("ask.name"))
            .Add(new WholeNumberPrompt("ask.age", ageValidator));
        var manager = new DialogManager(dialogs, "profile", interruptions ?? [], new DialogManagerOptions(), NullLogger<DialogManager>.Instance);
        return new DialogBot(manager);
    }
}
