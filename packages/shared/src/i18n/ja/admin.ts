export const jaAdmin = {
  title: '管理',
};
