using System.Text.Json;
using TriageBot.Runtime.Choices;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Prompts;
using TriageBot.Schema;

namespace TriageBot.Runtime.Tests.Prompts;

/// <summary>A prompt's frame written from its options' remembered bytes is exactly the frame the serializer writes.</summary>
public sealed class PromptStateJsonTests
{
    public static TheoryData<string> OptionsNames => ["plain", "choices with synonyms", "escaped text", "everything"];

    [Theory]
    [MemberData(nameof(OptionsNames))]
    public void FrameWrittenFromRememberedOptions_IsByteForByteTheSerializersFrame(string name)
    {
        var options = Options(name);
        foreach (var attempts in new[] { 0, 2, 0 })
        {
            var expected = JsonSerializer.SerializeToUtf8Bytes(new PromptState(options, attempts), RuntimeJsonContext.Default.PromptState);

            Assert.Equal(expected, Written(new PromptState(options, attempts)));
        }
    }

    [Fact]
    public void FrameSetWithTheWriter_ReadsBackTheSameState_AndTheSameJson()
    {
        var options = Options("everything");
        var frame = new DialogInstance { Id = "ask", Version = 1 };

        frame.SetStateWrittenBy(new PromptState(options, 1), RuntimeJsonContext.Default.PromptState, PromptStateJson.Write);

        Assert.Same(options, frame.GetState(RuntimeJsonContext.Default.PromptState)!.Options);
        var expected = JsonSerializer.Serialize(new PromptState(options, 1), RuntimeJsonContext.Default.PromptState);
        Assert.Equal(expected, frame.State.GetRawText());
        var stack = JsonSerializer.Serialize<List<DialogInstance>>([frame], RuntimeJsonContext.Default.ListDialogInstance);
        Assert.Equal($$"""[{"id":"ask","version":1,"state":{{expected}}}]""", stack);
    }

    private static byte[] Written(PromptState state)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            PromptStateJson.Write(writer, state);
        }

        return stream.ToArray();
    }

    private static PromptOptions Options(string name) => name switch
    {
        "plain" => PromptOptions.Ask("How old are you?"),
        "choices with synonyms" => PromptOptions.Ask("Any numbness?", "Please pick one.",
        [
            new Choice("yes") { Synonyms = ["yeah", "yep", "I do"], Action = CardAction.ImBack("Yes") },
            new Choice("no") { Synonyms = ["nope", "not at all"], Action = CardAction.ImBack("No") },
            new Choice("not-sure") { Synonyms = ["don’t know", "no idea"] },
        ]),
        "escaped text" => PromptOptions.Ask("Is it \"sharp\" <or> dull? café & naïve \u2014 \U0001F600", "Say 'sharp' or \\dull\\."),
        _ => PromptOptions.Ask("Which topic?", choices: [new Choice("a") { Synonyms = ["é"] }]) with
        {
            Style = ListStyle.HeroCard,
            MaxAttempts = 2,
            MinimumScore = 0.75,
            QuestionsPick = true,
            QuestionReply = MessageFactory.Text("I can answer questions at the end."),
            FreeTextReply = MessageFactory.Text("Please pick one."),
            NotUnderstoodReply = MessageFactory.Text("Let's move on."),
        },
    };
}
