using System.Runtime.CompilerServices;
using System.Text.Json;

namespace TriageBot.Runtime.Prompts;

/// <summary>
/// Writes a prompt's frame (<see cref="PromptState"/>) byte for byte as the source-generated serializer does, with
/// its options from bytes made once per <see cref="PromptOptions"/> instance. A question from content is the same
/// options object turn after turn (the dialogs build it once per content prompt and locale), and its choices carry
/// every synonym, so serializing them again for each frame was a twentieth of a turn (deployment/bench/README.md).
/// Options are immutable records; the bytes live as long as the options do.
/// </summary>
internal static class PromptStateJson
{
    private static readonly ConditionalWeakTable<PromptOptions, byte[]> OptionsJson = [];

    /// <summary>Matches <see cref="RuntimeJsonContext.PromptState"/>'s output (PromptStateJsonTests compares them).</summary>
    public static void Write(Utf8JsonWriter writer, object? value)
    {
        var state = (PromptState)value!;
        writer.WriteStartObject();
        writer.WritePropertyName("options"u8);
        if (state.Options is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteRawValue(Options(state.Options), skipInputValidation: true);
        }

        writer.WriteNumber("attemptCount"u8, state.AttemptCount);
        writer.WriteEndObject();
    }

    internal static byte[] Options(PromptOptions options) =>
        OptionsJson.GetValue(options, static o => JsonSerializer.SerializeToUtf8Bytes(o, RuntimeJsonContext.Default.PromptOptions));
}
