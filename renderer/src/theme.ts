// The app's antd theme: one definition for the app (main.tsx) and for the build, which renders
// antd's styles for this theme ahead of time (build/antd-static-style.tsx).

export const theme = {
  token: {
    colorPrimary: '#9b2c2c',
    borderRadius: 6,
    fontFamily: '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", system-ui, sans-serif',
  },
};
