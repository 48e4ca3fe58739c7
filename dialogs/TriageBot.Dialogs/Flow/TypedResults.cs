using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TriageBot.Runtime.Dialogs;

namespace TriageBot.Dialogs.Flow;

/// <summary>
/// Child dialog options and results as types. The runtime's stack stores them as JSON (so a conversation survives a
/// restart); these helpers keep that JSON out of the flow: a child ends with a typed value and its parent reads it
/// back with <see cref="WaterfallStepContext{TState}.ResultAs{T}"/>.
/// </summary>
internal static class TypedResults
{
    public static JsonElement ToJson(IReadOnlyList<string> findings) =>
        JsonSerializer.SerializeToElement(findings, TriageJsonContext.Default.IReadOnlyListString);

    public static JsonElement ToJson(TriageState state) =>
        JsonSerializer.SerializeToElement(state, TriageJsonContext.Default.TriageState);

    /// <summary>Ends the dialog with <paramref name="value"/>, which the parent reads with the same type.</summary>
    public static Task<DialogTurnResult> EndWithAsync<TState, T>(
        this WaterfallStepContext<TState> step, T value, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where TState : class
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.EndDialogAsync(JsonSerializer.SerializeToElement(value, type), cancellationToken);
    }

    /// <summary>Reads a dialog's begin options as a type; default when absent.</summary>
    public static T? OptionsAs<TState, T>(this WaterfallStepContext<TState> step, JsonTypeInfo<T> type)
        where TState : class
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Options is { } options ? options.Deserialize(type) : default;
    }
}
