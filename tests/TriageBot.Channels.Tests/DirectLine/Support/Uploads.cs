using System.Net.Http.Headers;
using System.Text;

namespace TriageBot.Channels.Tests.DirectLine.Support;

/// <summary>Multipart bodies shaped exactly as Web Chat 4.18 uploads them: the activity part, then one part per file.</summary>
public static class Uploads
{
    public static MultipartFormDataContent Form(string activityJson, params (string Name, string ContentType, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        var activity = new StringContent(activityJson, Encoding.UTF8);
        activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(activity, "activity", "blob");
        foreach (var (name, contentType, content) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(file, "file", name);
        }

        return form;
    }

    /// <summary>The activity Web Chat puts in the first part: attachments named but without contentUrl.</summary>
    public static string Activity(string clientActivityId, params (string Name, string ContentType, int Size)[] files)
    {
        var attachments = string.Join(",", files.Select(f => $$"""{"contentType":"{{f.ContentType}}","name":"{{f.Name}}"}"""));
        var sizes = string.Join(",", files.Select(f => f.Size));
        return $$"""
            {"attachments":[{{attachments}}],"channelData":{"attachmentSizes":[{{sizes}}],"clientActivityID":"{{clientActivityId}}"},
             "textFormat":"plain","type":"message","channelId":"webchat","from":{"id":"dl_test-user","name":"Test user","role":"user"},"locale":"en-US"}
            """;
    }
}
