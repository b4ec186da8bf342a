// type-graphql's decorators need the metadata polyfill before any type is declared.
import 'reflect-metadata';
