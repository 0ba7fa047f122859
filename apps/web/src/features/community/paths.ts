/** In-app paths of community things (the notifications module links to the same post path). */
export function postPath(post: { id: string; communityId: string }, commentId?: string): string {
  return `/community/${post.communityId}/posts/${post.id}${commentId ? `#comment-${commentId}` : ''}`;
}

export function communityPath(id: string): string {
  return `/community/${id}`;
}
