using TriageBot.Content.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace TriageBot.Content.Yaml;

/// <summary>Reads <c>emergency | urgent | routine | self-care</c>; anything else is an error at its line.</summary>
internal sealed class DispositionLevelConverter : IYamlTypeConverter
{
    public bool Accepts(Type type) => type == typeof(DispositionLevel) || type == typeof(DispositionLevel?);

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        var scalar = parser.Consume<Scalar>();
        return DispositionLevels.TryParse(scalar.Value, out var level)
            ? level
            : throw new YamlException(scalar.Start, scalar.End,
                $"unknown level '{scalar.Value}' (use emergency, urgent, routine or self-care)");
    }

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
        throw new NotSupportedException("Content is read, never written.");
}
