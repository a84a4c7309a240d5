// class-transformer's metadata storage, as its own package ships it (types under types/).
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
