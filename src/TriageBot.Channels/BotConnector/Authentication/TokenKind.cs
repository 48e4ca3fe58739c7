namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>Who sent an inbound token, decided from its unverified claims before choosing the keys to check it with.</summary>
internal enum TokenKind
{
    /// <summary>Azure Bot Service (Teams, Web Chat, Direct Line…): Bot Connector keys with endorsements.</summary>
    Channel,

    /// <summary>Bot Framework Emulator: an AAD token for our own app id.</summary>
    Emulator,

    /// <summary>Another bot calling us as a skill. We have no skill allow-list, so these are always refused.</summary>
    Skill,
}
