namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>The <c>MicrosoftAppType</c> values Bot Builder understands.</summary>
internal enum BotAppType
{
    MultiTenant,
    SingleTenant,
    UserAssignedMsi,
}
