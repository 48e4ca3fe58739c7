namespace TriageBot.Recognizers;

/// <summary>Startup for the recognizers: builds the official English models before the first message needs them.</summary>
public static class RecognizerStartup
{
    /// <summary>Builds and runs each model once (about a second, once per process).</summary>
    public static void Warm() => OfficialModels.Warm();
}
