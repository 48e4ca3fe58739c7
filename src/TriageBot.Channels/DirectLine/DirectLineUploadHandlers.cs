using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using TriageBot.Schema;

namespace TriageBot.Channels.DirectLine;

/// <summary>
/// Uploads (<c>POST …/upload</c>, multipart: an <c>activity</c> part, then one part per file, as Web Chat sends
/// them) and the <c>contentUrl</c>s they get. Files are kept in memory with the activity that carries them, only
/// as bytes, media type and name, and go when that activity goes (retention, the per-conversation bounds).
/// Off unless <see cref="DirectLineOptions.UploadsEnabled"/>; bounded in bytes, parts and part headers.
/// </summary>
internal sealed class DirectLineUploadHandlers(
    DirectLineConversationHandlers conversations,
    DirectLineConversationStore store,
    DirectLineOptions options,
    ILogger<DirectLineUploadHandlers> logger)
{
    /// <summary>Multipart framing (boundaries, part headers) on top of the payload limit.</summary>
    private const int FramingAllowance = 64 * 1024;

    /// <summary>A part needs Content-Disposition and Content-Type; a few more are tolerated, not dozens.</summary>
    private const int PartHeadersCountLimit = 8;

    /// <summary>Served with their own type; anything else is served as an opaque download.</summary>
    private static readonly HashSet<string> InlineContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain",
    };

    public async Task<IResult> UploadAsync(HttpContext context, string conversationId, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var (conversation, caller, failure) = await conversations.OpenAsync(request, "upload", conversationId, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        // Checked after the credential, so a caller learns nothing about the service before proving who it is.
        if (!options.UploadsEnabled)
        {
            return DirectLineErrors.Error(StatusCodes.Status403Forbidden, DirectLineErrors.Forbidden, "This service does not accept uploads.");
        }

        if (conversations.Admit(request, conversation!) is { } limited)
        {
            return limited;
        }

        var bodyLimit = (long)options.MaxUploadBytes + FramingAllowance;
        if (request.ContentLength > bodyLimit)
        {
            return DirectLineErrors.TooLarge(options.MaxUploadBytes);
        }

        // Without a Content-Length (chunked), Kestrel enforces the limit while the body is read.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = bodyLimit;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var media)
            || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(media.Boundary).Value is not { Length: > 0 } boundary)
        {
            return DirectLineErrors.Error(StatusCodes.Status415UnsupportedMediaType, DirectLineErrors.BadArgument,
                "Send multipart/form-data with an 'activity' part and one part per file.");
        }

        UploadParts parts;
        try
        {
            var reader = new MultipartReader(boundary, request.Body)
            {
                HeadersLengthLimit = options.MaxUploadPartHeaderBytes,
                HeadersCountLimit = PartHeadersCountLimit,
            };
            parts = await ReadPartsAsync(reader, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return DirectLineErrors.TooLarge(options.MaxUploadBytes);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or JsonException)
        {
            return DirectLineErrors.BadRequest("The multipart body could not be read.");
        }

        if (parts.TooLarge)
        {
            return DirectLineErrors.TooLarge(options.MaxUploadBytes);
        }

        if (parts.TooMany)
        {
            return DirectLineErrors.BadRequest($"An upload may have at most {options.MaxUploadParts} parts.");
        }

        if (parts.Activity is not { } activity)
        {
            return DirectLineErrors.BadRequest("The upload needs an 'activity' part.");
        }

        var files = parts.Files.Select(f => f with { Id = DirectLineIds.NewFileId() }).ToList();
        var declared = activity.Attachments ?? [];
        var attachments = files.Select((file, i) => new Attachment
        {
            ContentType = i < declared.Count ? declared[i].ContentType ?? file.ContentType : file.ContentType,
            Name = i < declared.Count ? declared[i].Name ?? file.Name : file.Name,
            ContentUrl = DirectLineUrls.FileUrl(request, conversation!.Id, file.Id),
        }).ToList();

        var bytes = files.Sum(f => (long)f.Content.Length);
        DirectLineLog.UploadStored(logger, conversation!.LogId, files.Count, bytes);
        return await conversations.PostAsync(request, conversation, caller!, activity with { Attachments = attachments }, files, cancellationToken);
    }

    /// <summary>
    /// A file by its unguessable id (the contentUrl is the capability, as an &lt;img&gt; cannot send a token). It is
    /// always offered as a download, sandboxed and never sniffed, so an uploaded page cannot run on this origin.
    /// </summary>
    public IResult Download(HttpContext context, string conversationId, string fileId)
    {
        if (store.Find(conversationId)?.FindFile(fileId) is not { } file)
        {
            return DirectLineErrors.Error(StatusCodes.Status404NotFound, DirectLineErrors.NotFound, "The file does not exist or has expired.");
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        headers.CacheControl = "private, no-store";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(file.Name);
        headers.ContentDisposition = disposition.ToString();
        var contentType = InlineContentTypes.Contains(file.ContentType) ? file.ContentType : "application/octet-stream";
        return Results.Bytes(file.Content, contentType);
    }

    private async Task<UploadParts> ReadPartsAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        Activity? activity = null;
        var files = new List<DirectLineFile>();
        long remaining = options.MaxUploadBytes;
        var count = 0;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (++count > options.MaxUploadParts)
            {
                return UploadParts.Excessive;
            }

            var content = await BoundedBody.ReadAsync(section.Body, remaining, cancellationToken);
            if (content is null)
            {
                return UploadParts.Oversized;
            }

            remaining -= content.Length;
            if (section.GetContentDispositionHeader() is not { } disposition)
            {
                continue;
            }

            if (HeaderUtilities.RemoveQuotes(disposition.Name).Equals("activity", StringComparison.Ordinal) && activity is null)
            {
                activity = JsonSerializer.Deserialize(content, SchemaJsonContext.Default.Activity);
            }
            else if (disposition.IsFileDisposition())
            {
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                files.Add(new DirectLineFile("", section.ContentType ?? "application/octet-stream", Sanitize(Path.GetFileName(fileName) ?? ""), content));
            }
        }

        return new UploadParts(activity, files, TooLarge: false, TooMany: false);
    }

    private static string Sanitize(string fileName)
    {
        var clean = new string([.. fileName.Where(c => !char.IsControl(c))]).Trim();
        return clean.Length switch
        {
            0 => "file",
            > 255 => clean[..255],
            _ => clean,
        };
    }

    private sealed record UploadParts(Activity? Activity, IReadOnlyList<DirectLineFile> Files, bool TooLarge, bool TooMany)
    {
        public static readonly UploadParts Oversized = new(null, [], TooLarge: true, TooMany: false);

        public static readonly UploadParts Excessive = new(null, [], TooLarge: false, TooMany: true);
    }
}
