using NexusZero.Proofs.Lattice;

namespace NexusZero.Lattice.Tests.Signatures;

internal static class MLDsaTestData
{
    public static TheoryData<string> SchemeNames => ["ml-dsa-44", "ml-dsa-65", "ml-dsa-87"];

    public static Proofs.Lattice.MLDsaScheme Scheme(string name) =>
        Proofs.Lattice.MLDsaScheme.TryFromName(name, out Proofs.Lattice.MLDsaScheme? scheme) ? scheme : throw new ArgumentException(name);

    public static byte[] Seed(int index)
    {
        byte[] seed = new byte[32];
        for (int i = 0; i < 32; i++)
        {
            seed[i] = (byte)((index * 37) + (i * 11));
        }

        return seed;
    }
}
