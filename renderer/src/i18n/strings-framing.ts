/** The show's frame (landscape / portrait), both languages. */
export const framingEn = {
  title: 'Frame',
  landscape: 'Landscape 16:9',
  portrait: 'Portrait 9:16',
  portraitHint: 'The middle of the camera is cut to 9:16; viewers on phones see it full screen.',
  lockedOnAir: 'The frame can be changed before going live.',
  unsupported: 'This browser cannot crop the camera; the show stays landscape.',
};

export const framingKo: typeof framingEn = {
  title: '화면 방향',
  landscape: '가로 16:9',
  portrait: '세로 9:16',
  portraitHint: '카메라 화면의 가운데를 9:16으로 잘라 보냅니다. 휴대폰 시청자는 전체 화면으로 봅니다.',
  lockedOnAir: '화면 방향은 방송 시작 전에 바꿀 수 있습니다.',
  unsupported: '이 브라우저에서는 카메라 화면을 자를 수 없어 가로로 방송됩니다.',
};
