namespace Qp.Domain.Authorities;

/// <summary>An English local authority with children's services responsibilities.</summary>
/// <param name="Code">The DfE three-digit local authority code (old_la_code), e.g. 805.</param>
/// <param name="OnsCode">The ONS nine-character code (new_la_code), e.g. E06000001.</param>
/// <param name="Name">The authority's name, e.g. Hartlepool.</param>
/// <param name="Region">The English region the authority lies in, e.g. North East.</param>
/// <param name="Type">The authority type: London borough, Metropolitan district, Unitary authority or Shire county.</param>
public sealed record Authority(int Code, string OnsCode, string Name, string Region, string Type);

/// <summary>One statistical neighbour of an authority, in the DfE model's order.</summary>
/// <param name="LaCode">The authority whose neighbour this is.</param>
/// <param name="Rank">The neighbour's position, 1 (closest) to 10.</param>
/// <param name="NeighbourCode">The neighbouring authority's code.</param>
/// <param name="Closeness">The model's closeness label, e.g. "Close" or "Somewhat close".</param>
public sealed record StatisticalNeighbour(int LaCode, int Rank, int NeighbourCode, string? Closeness);
