using System.Text.Json.Serialization;

namespace NexusZero.Consensus.Http;

/// <summary>
/// Source-generated System.Text.Json metadata for every consensus JSON message. Unknown members, missing
/// required members, nulls where none belong and duplicate properties are all rejected.
/// </summary>
[JsonSourceGenerationOptions(
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowDuplicateProperties = false,
    MaxDepth = 8,
    WriteIndented = false)]
[JsonSerializable(typeof(VoteRequestMessage))]
[JsonSerializable(typeof(VoteReplyMessage))]
[JsonSerializable(typeof(CommitRequestMessage))]
[JsonSerializable(typeof(CommitReplyMessage))]
[JsonSerializable(typeof(ErrorMessage))]
[JsonSerializable(typeof(ValidatorInfoMessage))]
[JsonSerializable(typeof(KeyFileMessage))]
[JsonSerializable(typeof(SetFileMessage))]
[JsonSerializable(typeof(SetFileMember))]
internal sealed partial class ConsensusJsonContext : JsonSerializerContext
{
}
