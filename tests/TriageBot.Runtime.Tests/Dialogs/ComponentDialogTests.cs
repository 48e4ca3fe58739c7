using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Prompts;
using TriageBot.Testing.Conversations;

namespace TriageBot.Runtime.Tests.Dialogs;

public sealed class ComponentDialogTests
{
    [Fact]
    public async Task ComponentFinishes_ParentResumesWithItsResult()
    {
        var chat = new TestConversation(Build(cancelInside: false));

        Assert.Equal("What is your name?", await chat.AskAsync("hi"));
        Assert.Equal("Parent got: Ann", await chat.AskAsync("Ann"));
    }

    [Fact]
    public async Task ComponentCancelledInside_ParentResumesWithNull()
    {
        var chat = new TestConversation(Build(cancelInside: true));

        await chat.SayAsync("hi");

        Assert.Equal("Parent got: nothing", await chat.AskAsync("Ann"));
    }

    [Fact]
    public async Task ComponentInnerStack_IsPersistedInsideItsFrame()
    {
        var chat = new TestConversation(Build(cancelInside: false));

        await chat.SayAsync("hi");

        var stack = (await WaterfallConversationTests.ReadStackAsync(chat))!.Value;
        Assert.Equal("outer", stack[stack.GetArrayLength() - 1].GetProperty("id").GetString());
        var component = stack[0];
        Assert.Equal("name-component", component.GetProperty("id").GetString());
        Assert.Equal("ask.name", component.GetProperty("state").GetProperty("dialogs")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task ReplaceDialog_RestartsTheWaterfallWithoutResumingTheParent()
    {
        var loops = 0;
        var waterfall = new WaterfallDialog<ProfileState>("loop", 1, TestJsonContext.Default.ProfileState, () => new ProfileState())
            .AddPrompt("ask-name", new TextPrompt("ask.name"), _ => PromptOptions.Ask("Name?"), (s, n) => s with { Name = n.Value })
            .AddStep("again", (step, ct) =>
            {
                loops++;
                return step.Values.Name == "stop"
                    ? step.EndDialogAsync(null, ct)
                    : step.ReplaceDialogAsync("loop", null, ct);
            });
        var manager = new DialogManager(new DialogSet().Add(waterfall).Add(new TextPrompt("ask.name")), "loop", [], new DialogManagerOptions(), NullLogger<DialogManager>.Instance);
        var chat = new TestConversation(new DialogBot(manager));

        await chat.SayAsync("hi");
        Assert.Equal("Name?", await chat.AskAsync("a"));
        Assert.Equal("Name?", await chat.AskAsync("b"));
        Assert.Equal("", await chat.AskAsync("stop"));
        Assert.Equal(3, loops);
    }

    private static DialogBot Build(bool cancelInside)
    {
        var inner = new WaterfallDialog<ProfileState>("name-inner", 1, TestJsonContext.Default.ProfileState, () => new ProfileState())
            .AddPrompt("ask-name", new TextPrompt("ask.name"), _ => PromptOptions.Ask("What is your name?"), (s, n) => s with { Name = n.Value })
            .AddStep("finish", (step, ct) => cancelInside
                ? step.Dc.CancelAllDialogsAsync(ct)
                : step.EndDialogAsync(JsonSerializer.SerializeToElement(step.Values.Name), ct));
        var component = new ComponentDialog("name-component", 1)
            .AddDialog(inner)
            .AddDialog(new TextPrompt("ask.name"));
        var outer = new WaterfallDialog<ProfileState>("outer", 1, TestJsonContext.Default.ProfileState, () => new ProfileState())
            .AddStep("begin-component", (step, ct) => step.BeginDialogAsync("name-component", null, ct))
            .AddStep("report", (step, ct) =>
            {
                var name = step.Result is { ValueKind: JsonValueKind.String } r ? r.GetString() : "nothing";
                step.Context.SendActivity($"Parent got: {name}");
                return step.EndDialogAsync(null, ct);
            });
        var manager = new DialogManager(new DialogSet().Add(outer).Add(component), "outer", [], new DialogManagerOptions(), NullLogger<DialogManager>.Instance);
        return new DialogBot(manager);
    }
}
