namespace TriageBot.Deployment.Teams;

/// <summary>The command line: <c>--app-id --host --clinic --website [--out]</c>; exit code 0 when the zip was written.</summary>
public static class PackageCommand
{
    private const string Usage =
        "usage: dotnet run --project deployment/teams/TeamsAppPackage -- --app-id <MicrosoftAppId> --host <bot host name> " +
        "--clinic <clinic name> --website <https://clinic website> [--out triagebot-teams.zip]";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        if (args.Count % 2 != 0 || !values.TryGetValue("--app-id", out var appId) || !values.TryGetValue("--host", out var host)
            || !values.TryGetValue("--clinic", out var clinic) || !values.TryGetValue("--website", out var website))
        {
            error.WriteLine(Usage);
            return 2;
        }

        try
        {
            var settings = new PackageSettings(appId, host, clinic, website);
            var path = Path.GetFullPath(values.GetValueOrDefault("--out", "triagebot-teams.zip"));
            using (var file = File.Create(path))
            {
                TeamsAppPackage.Write(settings, file);
            }

            output.WriteLine($"wrote {path}");
            return 0;
        }
        catch (ArgumentException e)
        {
            error.WriteLine(e.Message);
            error.WriteLine(Usage);
            return 2;
        }
    }
}
