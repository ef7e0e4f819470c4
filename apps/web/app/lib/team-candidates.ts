/**
 * The people a team picker offers: the workspace's members who are not on the team yet. Offering
 * someone already on it would only end in a refusal ("already on the team").
 */
export function notOnTeam<M extends { id: string }>(members: M[], teamUserIds: Iterable<string | null | undefined>): M[] {
  const onTeam = new Set(teamUserIds);
  return members.filter((member) => !onTeam.has(member.id));
}
