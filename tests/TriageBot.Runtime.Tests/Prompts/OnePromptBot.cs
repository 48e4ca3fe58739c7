using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging.Abstractions;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Prompts;
using TriageBot.Runtime.Turns;

namespace TriageBot.Runtime.Tests.Prompts;

public sealed record Answer(string? Text = null);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Answer))]
internal sealed partial class AnswerJson : JsonSerializerContext;

/// <summary>Asks one question with the given prompt, then says what it understood ("got …" or "not understood").</summary>
internal static class OnePromptBot
{
    public static IBot Create<T>(Prompt<T> prompt, PromptOptions options, Func<T, string>? show = null)
    {
        var waterfall = new WaterfallDialog<Answer>("one", 1, AnswerJson.Default.Answer, () => new Answer())
            .AddPrompt("ask", prompt, _ => options, (s, outcome) => s with
            {
                Text = outcome.TryGetValue(out var v) ? "got " + (show ?? (x => Convert.ToString(x, CultureInfo.InvariantCulture)!))(v) : "not understood",
            })
            .AddStep("tell", (step, ct) =>
            {
                step.Context.SendActivity(step.Values.Text!);
                return step.EndDialogAsync(null, ct);
            });
        var manager = new DialogManager(new DialogSet().Add(waterfall).Add(prompt), "one", [], new DialogManagerOptions(), NullLogger<DialogManager>.Instance);
        return new DialogBot(manager);
    }
}
