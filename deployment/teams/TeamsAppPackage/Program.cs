using TriageBot.Deployment.Teams;

// One command builds the package; see TeamsAppPackage.csproj for the usage line.
return PackageCommand.Run(args, Console.Out, Console.Error);
