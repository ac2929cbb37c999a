// ristretto255 field and point primitives, old (OldImpl: the sources at a base revision) against new
// (NewImpl: the working tree), interleaved in one process so machine load hits both alike.
// Built and run by ristretto255-field-compare.sh; not part of the solution.
using System.Diagnostics;
using System.Runtime.CompilerServices;
using O = OldImpl;
using N = NewImpl;

static class FieldCompare
{
    const int Steps = 2000;
    static O.EdwardsPoint op, oq; static O.ProjectiveNielsPoint opn; static O.AffineNielsPoint oan; static O.FieldElement oa, ob;
    static N.EdwardsPoint np, nq; static N.ProjectiveNielsPoint npn; static N.AffineNielsPoint nan; static N.FieldElement na, nb;

    [MethodImpl(MethodImplOptions.NoInlining)] static ulong OAddAff() { var p = op; for (int i = 0; i < Steps; i++) p = O.CompletedPoint.Add(p, oan).ToExtended(); return p.X.Canonical().L0 ^ p.Z.Canonical().L1; }
    [MethodImpl(MethodImplOptions.NoInlining)] static ulong NAddAff() { var p = np; for (int i = 0; i < Steps; i++) p = N.CompletedPoint.Add(p, nan).ToExtended(); return p.X.Canonical().L0 ^ p.Z.Canonical().L1; }
    [MethodImpl(MethodImplOptions.NoInlining)] static ulong OAddPN() { var p = op; for (int i = 0; i < Steps; i++) p = O.CompletedPoint.Add(p, opn).ToExtended(); return p.X.Canonical().L0 ^ p.Z.Canonical().L1; }
    [MethodImpl(MethodImplOptions.NoInlining)] static ulong NAddPN() { var p = np; for (int i = 0; i < Steps; i++) p = N.CompletedPoint.Add(p, npn).ToExtended(); return p.X.Canonical().L0 ^ p.Z.Canonical().L1; }
    [MethodImpl(MethodImplOptions.NoInlining)] static ulong OAddExt() { var p = op; for (int i = 0; i < Steps; i++) p = p.Add(oq); return p.X.Canonical().L0 ^ p.Z.Canonical().L1; }
    [MethodImpl(MethodImplOptions.NoInlining)] static ulong NAddExt() { var p = np; for (int i = 0; i < Steps; i++) p = p.Add(nq); return p.X.Canonical().L0 ^ p.Z.Canonical().L1; }
    [MethodImpl(MethodImplOptions.NoInlining)] static ulong ODbl() { var p = op.ToProjective(); for (int i = 0; i < Steps; i++) p = p.Double().ToProjective(); return p.X.Canonical().L0 ^ p.Z.Canonical().L1; }
    [MethodImpl(MethodImplOptions.NoInlining)] static ulong NDbl() { var p = np.ToProjective(); for (int i = 0; i < Steps; i++) p = p.Double().ToProjective(); return p.X.Canonical().L0 ^ p.Z.Canonical().L1; }
    [MethodImpl(MethodImplOptions.NoInlining)] static ulong ODblExt() { var p = op; for (int i = 0; i < Steps; i++) p = p.Double(); return p.X.Canonical().L0 ^ p.Z.Canonical().L1; }
    [MethodImpl(MethodImplOptions.NoInlining)] static ulong NDblExt() { var p = np; for (int i = 0; i < Steps; i++) p = p.Double(); return p.X.Canonical().L0 ^ p.Z.Canonical().L1; }
    [MethodImpl(MethodImplOptions.NoInlining)] static ulong OInv() { var x = oa; for (int i = 0; i < Steps / 100; i++) x = x.Invert(); return x.Canonical().L0; }
    [MethodImpl(MethodImplOptions.NoInlining)] static ulong NInv() { var x = na; for (int i = 0; i < Steps / 100; i++) x = x.Invert(); return x.Canonical().L0; }
    [MethodImpl(MethodImplOptions.NoInlining)] static ulong OMul() { var x = oa; for (int i = 0; i < Steps; i++) x = x * ob; return x.Canonical().L0; }
    [MethodImpl(MethodImplOptions.NoInlining)] static ulong NMul() { var x = na; for (int i = 0; i < Steps; i++) x = x * nb; return x.Canonical().L0; }
    [MethodImpl(MethodImplOptions.NoInlining)] static ulong OSq() { var x = oa; for (int i = 0; i < Steps; i++) x = x.Square(); return x.Canonical().L0; }
    [MethodImpl(MethodImplOptions.NoInlining)] static ulong NSq() { var x = na; for (int i = 0; i < Steps; i++) x = x.Square(); return x.Canonical().L0; }
    [MethodImpl(MethodImplOptions.NoInlining)] static ulong OMulTp() { O.FieldElement x = oa, y = ob, z = oa, w = ob; for (int i = 0; i < Steps / 4; i++) { x = x * ob; y = y * oa; z = z * oa; w = w * ob; } return x.Canonical().L0 ^ y.Canonical().L0 ^ z.Canonical().L0 ^ w.Canonical().L0; }
    [MethodImpl(MethodImplOptions.NoInlining)] static ulong NMulTp() { N.FieldElement x = na, y = nb, z = na, w = nb; for (int i = 0; i < Steps / 4; i++) { x = x * nb; y = y * na; z = z * na; w = w * nb; } return x.Canonical().L0 ^ y.Canonical().L0 ^ z.Canonical().L0 ^ w.Canonical().L0; }
    [MethodImpl(MethodImplOptions.NoInlining)] static ulong OSqTp() { O.FieldElement x = oa, y = ob, z = oa, w = ob; for (int i = 0; i < Steps / 4; i++) { x = x.Square(); y = y.Square(); z = (z + ob).Square(); w = (w + oa).Square(); } return x.Canonical().L0 ^ y.Canonical().L0 ^ z.Canonical().L0 ^ w.Canonical().L0; }
    [MethodImpl(MethodImplOptions.NoInlining)] static ulong NSqTp() { N.FieldElement x = na, y = nb, z = na, w = nb; for (int i = 0; i < Steps / 4; i++) { x = x.Square(); y = y.Square(); z = (z + nb).Square(); w = (w + na).Square(); } return x.Canonical().L0 ^ y.Canonical().L0 ^ z.Canonical().L0 ^ w.Canonical().L0; }

    static void Main(string[] args)
    {
        oa = new O.FieldElement(0x3a9f0c1d2e4b5, 0x1c2d3e4f50617, 0x7a6b5c4d3e2f1, 0x0f1e2d3c4b5a6, 0x55aa55aa55aa5);
        ob = new O.FieldElement(0x6a5b4c3d2e1f0, 0x0123456789abc, 0x7edcba9876543, 0x2468ace02468a, 0x13579bdf13579);
        na = new N.FieldElement(oa.L0, oa.L1, oa.L2, oa.L3, oa.L4);
        nb = new N.FieldElement(ob.L0, ob.L1, ob.L2, ob.L3, ob.L4);
        op = O.EdwardsPoint.BasePoint.MultiplyByPowerOfTwo(3); oq = O.EdwardsPoint.BasePoint.MultiplyByPowerOfTwo(5).Add(O.EdwardsPoint.BasePoint);
        opn = oq.ToProjectiveNiels(); oan = oq.ToAffineNiels();
        np = N.EdwardsPoint.BasePoint.MultiplyByPowerOfTwo(3); nq = N.EdwardsPoint.BasePoint.MultiplyByPowerOfTwo(5).Add(N.EdwardsPoint.BasePoint);
        npn = nq.ToProjectiveNiels(); nan = nq.ToAffineNiels();
        var pairs = new (string, Func<ulong>, Func<ulong>, int)[]
        {
            ("mul chain", OMul, NMul, Steps), ("mul 4 chains", OMulTp, NMulTp, Steps), ("sq chain", OSq, NSq, Steps), ("sq 4 chains", OSqTp, NSqTp, Steps),
            ("invert", OInv, NInv, Steps / 100),
            ("ext+affineNiels->ext", OAddAff, NAddAff, Steps), ("ext+projNiels->ext", OAddPN, NAddPN, Steps), ("ext+ext", OAddExt, NAddExt, Steps),
            ("double proj->proj", ODbl, NDbl, Steps), ("double ext->ext", ODblExt, NDblExt, Steps),
        };
        int rounds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 41;
        foreach (var (name, o, n, ops) in pairs)
        {
            // Same formulas mod p, so the same canonical limbs.
            if (o() != n())
            {
                Console.WriteLine($"{name}: old and new results differ");
                Environment.Exit(1);
            }

            var to = new List<double>(); var tn = new List<double>(); var ratio = new List<double>();
            for (int r = 0; r < rounds; r++)
            {
                var sw = Stopwatch.StartNew(); o(); double a = sw.Elapsed.TotalNanoseconds / ops;
                sw.Restart(); n(); double b = sw.Elapsed.TotalNanoseconds / ops;
                if (r > 2) { to.Add(a); tn.Add(b); ratio.Add(b / a); }
            }
            to.Sort(); tn.Sort(); ratio.Sort();
            Console.WriteLine($"{name,-22} old median {to[to.Count / 2],9:F1} ns (min {to[0],9:F1})  new median {tn[tn.Count / 2],9:F1} ns (min {tn[0],9:F1})  new/old median {ratio[ratio.Count / 2]:F3}");
        }
    }
}
