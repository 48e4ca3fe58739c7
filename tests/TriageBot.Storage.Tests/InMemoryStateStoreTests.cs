using TriageBot.Runtime.State;

namespace TriageBot.Storage.Tests;

public sealed class InMemoryStateStoreTests : StateStoreContract
{
    protected override IStateStore Store { get; } = new InMemoryStateStore();
}
