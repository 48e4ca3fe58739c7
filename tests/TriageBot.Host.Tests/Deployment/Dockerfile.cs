namespace TriageBot.Host.Tests.Deployment;

/// <summary>
/// <c>deployment/docker/Dockerfile</c> as instructions (keyword and arguments, continuation lines joined), so tests
/// check and run what the image build runs rather than a copy of it.
/// </summary>
internal sealed class Dockerfile
{
    private Dockerfile(IReadOnlyList<(string Keyword, string Arguments)> instructions) => Instructions = instructions;

    public IReadOnlyList<(string Keyword, string Arguments)> Instructions { get; }

    /// <summary>The final stage: what the image runs.</summary>
    public IReadOnlyList<(string Keyword, string Arguments)> RuntimeStage =>
        [.. Instructions.Skip(Instructions.Select((instruction, index) => (instruction, index)).Last(i => i.instruction.Keyword == "FROM").index)];

    /// <summary>The runtime stage's <c>ENV name=value</c> lines.</summary>
    public IReadOnlyDictionary<string, string> RuntimeEnvironment =>
        RuntimeStage.Where(i => i.Keyword == "ENV")
            .Select(i => i.Arguments.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    public string Single(string keyword) => Assert.Single(RuntimeStage, i => i.Keyword == keyword).Arguments;

    /// <summary>The <c>RUN dotnet …</c> line of the build stage that starts with <paramref name="command"/>, as arguments.</summary>
    public IReadOnlyList<string> DotnetCommand(string command) =>
        Assert.Single(Instructions, i => i.Keyword == "RUN" && i.Arguments.StartsWith($"dotnet {command} ", StringComparison.Ordinal))
            .Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();

    public static Dockerfile Load()
    {
        var instructions = new List<(string, string)>();
        var pending = "";
        foreach (var raw in File.ReadAllLines(DeploymentFiles.PathOf("docker", "Dockerfile")))
        {
            var line = raw.Trim();
            if (pending.Length == 0 && (line.Length == 0 || line.StartsWith('#')))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var whole = pending + line;
            pending = "";
            var split = whole.Split(' ', 2);
            instructions.Add((split[0].ToUpperInvariant(), split.Length > 1 ? split[1].Trim() : ""));
        }

        return new Dockerfile(instructions);
    }
}
