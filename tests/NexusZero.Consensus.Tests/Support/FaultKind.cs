namespace NexusZero.Consensus.Tests.Support;

public enum FaultKind
{
    Crash,
    Late,
    Garbage,
    WrongKey,
    Equivocate,
    OtherDigest,
    ReplayOldRound,
    ExtremeScore,
}
