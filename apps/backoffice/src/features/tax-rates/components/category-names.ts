/** "Food › Fruit" for each category of a flat list with parent ids. */
export function categoryPaths(
  list: readonly { id: string; name: string; parent: { id: string } | null }[],
): Map<string, string> {
  const byId = new Map(list.map((c) => [c.id, c]));
  const paths = new Map<string, string>();
  for (const category of list) {
    const names: string[] = [];
    const seen = new Set<string>();
    let node: (typeof list)[number] | undefined = category;
    while (node && !seen.has(node.id)) {
      seen.add(node.id);
      names.unshift(node.name);
      node = node.parent ? byId.get(node.parent.id) : undefined;
    }
    paths.set(category.id, names.join(' › '));
  }
  return paths;
}
