namespace TriageBot.Channels.BotConnector;

/// <summary>A channel refused or failed to take an activity, after any retries.</summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException()
    {
    }

    public ConnectorException(string message)
        : base(message)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConnectorException(int? statusCode, string? errorCode, Exception? innerException = null)
        : base("The channel did not accept the activity.", innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    /// <summary>The last HTTP status, or null when the channel could not be reached.</summary>
    public int? StatusCode { get; }

    /// <summary>The <c>error.code</c> of the channel's ErrorResponse, when it sent one.</summary>
    public string? ErrorCode { get; }
}
